package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.DatasetConfig;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Section;
import java.util.List;

/** Datasets as LTX-2 reads them: 8k+1 frames, 32-pixel buckets, audio per clip ({@code dataloader_mixins.py}). */
final class DatasetRules implements Rule {

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            for (DatasetConfig d : p.datasets()) {
                Section s = d.section();
                source(s, ctx);
                frames(d, ctx);
                video(d, ctx);
                audio(d, ctx);
            }
            if (!p.datasets().isEmpty() && p.datasets().stream().noneMatch(DatasetConfig::isVideo)) {
                Section first = p.datasets().get(0).section();
                ctx.warning(first, DatasetConfig.NUM_FRAMES, "no dataset is video (num_frames > 1): the LoRA learns the "
                        + "look from images but no motion and no voice", "add a dataset of clips with num_frames: 81 (or 8k+1)");
            }
            textEmbeddingCache(p, ctx);
        }
    }

    private static void source(Section s, RuleContext ctx) {
        boolean folder = s.get(DatasetConfig.FOLDER_PATH) != null;
        boolean dataset = s.get(DatasetConfig.DATASET_PATH) != null;
        if (!folder && !dataset) {
            ctx.error(s, DatasetConfig.FOLDER_PATH, "a dataset needs folder_path (or dataset_path)",
                    "add folder_path: /path/to/clips");
        } else if (folder && dataset) {
            ctx.warning(s, DatasetConfig.FOLDER_PATH, "dataset_path is set too, and ai-toolkit reads dataset_path",
                    "keep one of them");
        }
        String legacy = s.get(DatasetConfig.CAPTION_TYPE);
        if (legacy != null && !legacy.isEmpty() && !legacy.startsWith(".")) {
            ctx.warning(s, DatasetConfig.CAPTION_TYPE, "the legacy caption_type replaces caption_ext without adding a "
                    + "dot, so captions are looked up as 'clip" + legacy + "' instead of 'clip." + legacy + "'",
                    "use caption_ext: " + legacy);
        }
        if (s.isSet(DatasetConfig.POI) && s.get(DatasetConfig.POI) != null) {
            ctx.error(s, DatasetConfig.POI, "poi was removed upstream (ai-toolkit raises when it is set)", "remove it");
        }
    }

    private static void frames(DatasetConfig d, RuleContext ctx) {
        long n = d.numFrames();
        if (n > 1 && n % 8 != 1) {
            long lower = n - ((n - 1) % 8);
            ctx.error(d.section(), DatasetConfig.NUM_FRAMES, "num_frames " + n + " is not 8k+1: LTX-2's video VAE keeps the "
                    + "first frame and compresses the rest 8× in time", "use " + (lower > 1 ? lower + " or " : "") + (lower + 8));
        }
    }

    private static void video(DatasetConfig d, RuleContext ctx) {
        Section s = d.section();
        if (!d.isVideo()) {
            return;
        }
        if (!s.get(DatasetConfig.BUCKETS)) {
            ctx.error(s, DatasetConfig.BUCKETS, "video datasets need buckets (ai-toolkit raises 'Buckets required for "
                    + "video processing')", "remove buckets: false");
        }
        if (!s.get(DatasetConfig.AUGMENTS).isEmpty()) {
            ctx.error(s, DatasetConfig.AUGMENTS, "augments are not supported for videos (ai-toolkit raises)", "remove them");
        }
        List<Object> augmentations = s.get(DatasetConfig.AUGMENTATIONS);
        if (augmentations != null && !augmentations.isEmpty()) {
            ctx.error(s, DatasetConfig.AUGMENTATIONS, "augmentations are not supported for videos (ai-toolkit raises)",
                    "remove them");
        }
    }

    private static void audio(DatasetConfig d, RuleContext ctx) {
        Section s = d.section();
        Boolean explicit = s.get(DatasetConfig.DO_AUDIO);
        if (Boolean.TRUE.equals(explicit) && !d.isVideo()) {
            ctx.warning(s, DatasetConfig.DO_AUDIO, "do_audio has no effect on an image dataset (num_frames: 1)",
                    "remove it, or set num_frames for clips");
        }
        if (Boolean.FALSE.equals(explicit) && d.isVideo()) {
            ctx.warning(s, DatasetConfig.DO_AUDIO, "these clips train without their audio: the voice is not learned from "
                    + "them and the audio stream sees placeholder audio", "remove do_audio: false (unset = on for video)");
        }
        if (!d.audioEnabled()) {
            for (var k : List.of(DatasetConfig.AUDIO_NORMALIZE, DatasetConfig.AUDIO_PRESERVE_PITCH)) {
                if (s.get(k)) {
                    ctx.warning(s, k, k.name() + " has no effect without audio", "remove it");
                }
            }
        }
    }

    /** toolkit/config_modules.py:validate_configs: all datasets cache text embeddings, or none. */
    private static void textEmbeddingCache(ProcessConfig p, RuleContext ctx) {
        if (p.train().section().get(TrainConfig.CACHE_TEXT_EMBEDDINGS)) {
            return;
        }
        boolean any = p.datasets().stream().anyMatch(d -> d.section().get(DatasetConfig.CACHE_TEXT_EMBEDDINGS));
        if (!any) {
            return;
        }
        for (DatasetConfig d : p.datasets()) {
            if (!d.section().get(DatasetConfig.CACHE_TEXT_EMBEDDINGS)) {
                ctx.error(d.section(), DatasetConfig.CACHE_TEXT_EMBEDDINGS, "another dataset caches text embeddings, so "
                        + "all must (ai-toolkit raises)", "set train.cache_text_embeddings: true instead of per dataset");
            }
        }
    }
}
