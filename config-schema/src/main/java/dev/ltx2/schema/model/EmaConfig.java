package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;

/** {@code train.ema_config}: an exponential moving average of the trained weights ({@code EMAConfig}). */
public record EmaConfig(Section section) {
    public static final Key<Boolean> USE_EMA = Key.bool("use_ema", false, "Keep an EMA of the trained weights.");
    public static final Key<Double> EMA_DECAY = Key.number("ema_decay", 0.999, "EMA decay per step.").above(0).below(1);
    public static final Key<Boolean> USE_FEEDBACK = Key.bool("use_feedback", false,
            "Feed the EMA difference back into the parameters.");
    public static final Key<Double> PARAM_MULTIPLIER = Key.number("param_multiplier", 1.0,
            "Multiply parameters by this every update (bias-free networks such as LoRA only).");

    public static final SectionSpec SPEC = new SectionSpec("ema_config", "config.process[].train.ema_config",
            "EMA of the trained weights (toolkit/config_modules.py:EMAConfig).",
            List.of(USE_EMA, EMA_DECAY, USE_FEEDBACK, PARAM_MULTIPLIER));
}
