package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.DatasetConfig;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import java.util.List;

/** The patched fork's audio keys: precedence, cross-field bounds, and settings that cannot take effect. */
final class AudioRules implements Rule {
    private static final List<Key<Double>> BALANCE_PARAMS = List.of(TrainConfig.AUTO_BALANCE_AUDIO_TARGET_RATIO,
            TrainConfig.AUTO_BALANCE_AUDIO_EMA, TrainConfig.AUTO_BALANCE_AUDIO_MIN, TrainConfig.AUTO_BALANCE_AUDIO_MAX);

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            Section t = p.train().section();
            balance(t, ctx);
            if (t.isSet(TrainConfig.AUDIO_TIMESTEP_DISTRIBUTION) && !t.get(TrainConfig.INDEPENDENT_AUDIO_TIMESTEP)) {
                ctx.warning(t, TrainConfig.AUDIO_TIMESTEP_DISTRIBUTION, "audio_timestep_distribution has no effect "
                        + "while independent_audio_timestep is false (audio shares the video timestep)",
                        "remove it, or set independent_audio_timestep: true");
            }
            if (t.isSet(TrainConfig.VOICE_PRESERVATION_WEIGHT) && "none".equals(t.get(TrainConfig.VOICE_PRESERVATION))) {
                ctx.warning(t, TrainConfig.VOICE_PRESERVATION_WEIGHT, "voice_preservation_weight has no effect with "
                        + "voice_preservation: none", "remove it, or choose silence or base");
            }
            strict(p, t, ctx);
        }
    }

    private static void balance(Section t, RuleContext ctx) {
        boolean auto = t.get(TrainConfig.AUTO_BALANCE_AUDIO_LOSS);
        if (auto && t.isSet(TrainConfig.AUDIO_LOSS_MULTIPLIER)) {
            ctx.warning(t, TrainConfig.AUDIO_LOSS_MULTIPLIER, "auto_balance_audio_loss is on, so it sets the audio "
                    + "multiplier every step and audio_loss_multiplier (" + t.get(TrainConfig.AUDIO_LOSS_MULTIPLIER)
                    + ") is ignored", "remove audio_loss_multiplier, or set auto_balance_audio_loss: false to use it");
        }
        if (!auto) {
            for (Key<Double> k : BALANCE_PARAMS) {
                if (t.isSet(k)) {
                    ctx.warning(t, k, k.name() + " has no effect while auto_balance_audio_loss is false",
                            "set auto_balance_audio_loss: true, or remove it");
                }
            }
        }
        double min = t.get(TrainConfig.AUTO_BALANCE_AUDIO_MIN);
        double max = t.get(TrainConfig.AUTO_BALANCE_AUDIO_MAX);
        if (max < min) {
            ctx.error(t, t.isSet(TrainConfig.AUTO_BALANCE_AUDIO_MAX) ? TrainConfig.AUTO_BALANCE_AUDIO_MAX
                    : TrainConfig.AUTO_BALANCE_AUDIO_MIN, "auto_balance_audio_max (" + max + ") is below "
                    + "auto_balance_audio_min (" + min + ")", "make max ≥ min");
        }
    }

    private static void strict(ProcessConfig p, Section t, RuleContext ctx) {
        boolean strict = p.train().strictAudioMode();
        if (!strict) {
            for (Key<?> k : List.of(TrainConfig.STRICT_AUDIO_MIN_SUPERVISED_RATIO, TrainConfig.STRICT_AUDIO_WARMUP_STEPS)) {
                if (t.isSet(k)) {
                    ctx.warning(t, k, k.name() + " has no effect while strict_audio_mode is false",
                            "set strict_audio_mode: true, or remove it");
                }
            }
            return;
        }
        boolean anyVideo = p.datasets().stream().anyMatch(DatasetConfig::isVideo);
        boolean anyAudio = p.datasets().stream().anyMatch(d -> d.isVideo() && d.audioEnabled());
        if (!anyAudio) {
            ctx.error(t, TrainConfig.STRICT_AUDIO_MODE, "strict_audio_mode would stop training after warmup: "
                    + (anyVideo ? "every video dataset sets do_audio: false" : "no dataset is video (num_frames > 1)")
                    + ", so no step has audio supervision", anyVideo
                    ? "remove do_audio: false from the video datasets, or turn strict_audio_mode off"
                    : "add a video dataset with audio, or turn strict_audio_mode off");
        }
        if (!p.train().strictAudioChecks()) {
            ctx.warning(t, TrainConfig.STRICT_AUDIO_WARMUP_STEPS, "the warmup (" + t.get(TrainConfig.STRICT_AUDIO_WARMUP_STEPS)
                    + " steps) is not shorter than training (" + p.train().steps() + " steps): strict_audio_mode never checks",
                    "lower strict_audio_warmup_steps");
        }
    }
}
