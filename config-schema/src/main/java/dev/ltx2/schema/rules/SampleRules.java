package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.SampleConfig;
import dev.ltx2.schema.model.SampleItem;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;

/** Samples rendered during training go through LTX2Pipeline: sizes divisible by 32, 8k+1 frames. */
final class SampleRules implements Rule {

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            if (p.train().section().get(TrainConfig.DISABLE_SAMPLING)) {
                continue;
            }
            Section sample = p.sample().section();
            frames(ctx, sample, SampleConfig.NUM_FRAMES, sample.get(SampleConfig.NUM_FRAMES));
            size(ctx, sample, SampleConfig.WIDTH, sample.get(SampleConfig.WIDTH));
            size(ctx, sample, SampleConfig.HEIGHT, sample.get(SampleConfig.HEIGHT));
            for (Section item : sample.get(SampleConfig.SAMPLES)) {
                frames(ctx, item, SampleItem.NUM_FRAMES, item.get(SampleItem.NUM_FRAMES));
                size(ctx, item, SampleItem.WIDTH, item.get(SampleItem.WIDTH));
                size(ctx, item, SampleItem.HEIGHT, item.get(SampleItem.HEIGHT));
                if (item.get(SampleItem.PROMPT) == null) {
                    ctx.warning(item, SampleItem.PROMPT, "a sample without a prompt is skipped", "add prompt: ...");
                }
            }
        }
    }

    private static void frames(RuleContext ctx, Section s, Key<Long> key, Long n) {
        if (n != null && n > 1 && n % 8 != 1) {
            ctx.error(s, key, "sample num_frames " + n + " is not 8k+1 (LTX-2's VAE)", "use " + (n - (n - 1) % 8 + 8));
        }
    }

    private static void size(RuleContext ctx, Section s, Key<Long> key, Long v) {
        if (v != null && v % 32 != 0) {
            ctx.error(s, key, key.name() + " " + v + " is not divisible by 32 (LTX2Pipeline raises when sampling)",
                    "use " + Math.max(32, v - v % 32) + " or " + (v - v % 32 + 32) + ", or set train.disable_sampling: true");
        }
    }
}
