package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.DatasetConfig;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Section;
import java.util.Set;

/** Loss, noise and timestep options on LTX-2, including the SOP values that crash upstream. */
final class TrainRules implements Rule {
    private static final Set<String> SHIFT_TYPES = Set.of("shift", "flux_shift", "lumina2_shift", "next_sample");
    private static final Set<String> FEW_STEP_TYPES = Set.of("one_step", "two_step", "four_step", "eight_step");

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            Section t = p.train().section();
            snrAndNoise(t, ctx);
            timesteps(t, ctx);
            if (t.get(TrainConfig.GRADIENT_ACCUMULATION) > 1 && t.get(TrainConfig.GRADIENT_ACCUMULATION_STEPS) != 1) {
                ctx.error(t, TrainConfig.GRADIENT_ACCUMULATION_STEPS, "gradient_accumulation and "
                        + "gradient_accumulation_steps are mutually exclusive (ai-toolkit raises)", "keep gradient_accumulation");
            }
            if (t.get(TrainConfig.GRADIENT_ACCUMULATION_STEPS) == 0) {
                ctx.error(t, TrainConfig.GRADIENT_ACCUMULATION_STEPS, "0 accumulates nothing", "use 1, or -1 for a whole epoch");
            }
            if (t.get(TrainConfig.MIN_DENOISING_STEPS) > t.get(TrainConfig.MAX_DENOISING_STEPS)) {
                ctx.error(t, TrainConfig.MIN_DENOISING_STEPS, "min_denoising_steps is above max_denoising_steps",
                        "swap them");
            }
            preservation(p, t, ctx);
            textEncoder(t, ctx);
        }
    }

    private static void snrAndNoise(Section t, RuleContext ctx) {
        Double gamma = t.get(TrainConfig.MIN_SNR_GAMMA);
        if (gamma != null && gamma > 0) {
            ctx.warning(t, TrainConfig.MIN_SNR_GAMMA, "upstream ai-toolkit crashes with min_snr_gamma on LTX-2 "
                    + "(AttributeError: its flow-matching scheduler has no alphas_cumprod); the patched fork computes the "
                    + "flow-matching SNR ((1−σ)/σ)² with σ = t/1000 and applies min-SNR-γ weighting with it"
                    + ("weighted".equals(t.get(TrainConfig.TIMESTEP_TYPE))
                    ? ", on top of timestep_type: weighted's per-timestep weights" : ""), null);
        }
        Double snr = t.get(TrainConfig.SNR_GAMMA);
        if (snr != null && snr > 0) {
            ctx.warning(t, TrainConfig.SNR_GAMMA, "snr_gamma takes the same SNR path that crashes upstream on LTX-2; "
                    + "the patched fork's flow-matching SNR is specified for min_snr_gamma", "use min_snr_gamma instead");
        }
        if (t.get(TrainConfig.NOISE_OFFSET) > 0) {
            ctx.warning(t, TrainConfig.NOISE_OFFSET, "upstream ai-toolkit raises ValueError for noise_offset on LTX-2 "
                    + "(apply_noise_offset only handles 4-D latents; LTX-2's video latents are 5-D); the patched fork adds "
                    + "one offset per sample and channel across all frames and pixels, shape (B,C,1,1,1)", null);
        }
    }

    private static void timesteps(Section t, RuleContext ctx) {
        String scheduler = t.get(TrainConfig.NOISE_SCHEDULER);
        if (!"flowmatch".equals(scheduler)) {
            ctx.warning(t, TrainConfig.NOISE_SCHEDULER, "LTX-2 is a flow-matching model; with noise_scheduler: "
                    + scheduler + " ai-toolkit ignores timestep_type and draws timesteps from the scheduler's inference "
                    + "spacing instead",
                    "set noise_scheduler: flowmatch");
        }
        String type = t.get(TrainConfig.TIMESTEP_TYPE);
        if (SHIFT_TYPES.contains(type)) {
            ctx.warning(t, TrainConfig.TIMESTEP_TYPE, "timestep_type " + type + " derives the shift from latent "
                    + "shape[2]*shape[3], which for LTX-2's 5-D latents is frames × height, not the token count",
                    "use weighted (the UI's LTX-2 default) or sigmoid");
        } else if (FEW_STEP_TYPES.contains(type)) {
            ctx.warning(t, TrainConfig.TIMESTEP_TYPE, type + " is a few-step distillation schedule, not a LoRA schedule",
                    "use weighted or sigmoid");
        }
    }

    private static void preservation(ProcessConfig p, Section t, RuleContext ctx) {
        boolean dop = t.get(TrainConfig.DIFF_OUTPUT_PRESERVATION);
        if (dop && t.get(TrainConfig.BLANK_PROMPT_PRESERVATION)) {
            ctx.error(t, TrainConfig.BLANK_PROMPT_PRESERVATION, "diff_output_preservation and blank_prompt_preservation "
                    + "cannot both be on (ai-toolkit raises)", "keep one");
        }
        if (dop) {
            boolean trigger = p.section().get(ProcessConfig.TRIGGER_WORD) != null || p.datasets().stream()
                    .anyMatch(d -> d.section().get(DatasetConfig.TRIGGER_WORD) != null);
            if (!trigger) {
                ctx.error(t, TrainConfig.DIFF_OUTPUT_PRESERVATION, "diff_output_preservation needs a trigger_word "
                        + "(ai-toolkit raises)", "set trigger_word on the process or a dataset");
            }
            if (p.network() == null) {
                ctx.error(t, TrainConfig.DIFF_OUTPUT_PRESERVATION, "diff_output_preservation needs a network "
                        + "(ai-toolkit raises)", "add a network section");
            }
            if (t.get(TrainConfig.DIFF_OUTPUT_PRESERVATION_CLASS).isBlank()) {
                ctx.warning(t, TrainConfig.DIFF_OUTPUT_PRESERVATION, "diff_output_preservation_class is empty, so the "
                        + "preserved prompt just drops the trigger word", "set the class, e.g. diff_output_preservation_class: woman");
            }
        }
        if (t.get(TrainConfig.BLANK_PROMPT_PRESERVATION) && p.network() == null) {
            ctx.error(t, TrainConfig.BLANK_PROMPT_PRESERVATION, "blank_prompt_preservation needs a network "
                    + "(ai-toolkit raises)", "add a network section");
        }
    }

    private static void textEncoder(Section t, RuleContext ctx) {
        if (!t.get(TrainConfig.TRAIN_TEXT_ENCODER)) {
            return;
        }
        ctx.warning(t, TrainConfig.TRAIN_TEXT_ENCODER, "upstream's text encoder LoRA targets CLIP modules only, so it "
                + "creates no modules on LTX-2's Gemma", "use train_connectors: true to adapt text conditioning");
        if (t.get(TrainConfig.UNLOAD_TEXT_ENCODER) || t.get(TrainConfig.CACHE_TEXT_EMBEDDINGS)) {
            ctx.error(t, TrainConfig.TRAIN_TEXT_ENCODER, "a text encoder cannot be trained while it is unloaded or its "
                    + "embeddings are cached (ai-toolkit raises)", "set train_text_encoder: false");
        }
        if (t.get(TrainConfig.DIFF_OUTPUT_PRESERVATION)) {
            ctx.error(t, TrainConfig.TRAIN_TEXT_ENCODER, "diff_output_preservation does not support train_text_encoder "
                    + "(ai-toolkit raises)", "set train_text_encoder: false");
        }
    }
}
