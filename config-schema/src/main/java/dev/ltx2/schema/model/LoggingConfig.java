package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;

/** {@code config.process[].logging} ({@code LoggingConfig}). */
public record LoggingConfig(Section section) {
    public static final Key<Long> LOG_EVERY = Key.integer("log_every", 100,
            "Steps between loss logs (loss/img, loss/audio...).").atLeast(1);
    public static final Key<Boolean> VERBOSE = Key.bool("verbose", false, "Verbose logging.");
    public static final Key<Boolean> USE_WANDB = Key.bool("use_wandb", false,
            "Log to Weights & Biases (wandb is not in the locked environment).");
    public static final Key<Boolean> USE_UI_LOGGER = Key.bool("use_ui_logger", false,
            "Write loss_log.db for ai-toolkit's web UI.");
    public static final Key<String> PROJECT_NAME = Key.text("project_name", "ai-toolkit", "wandb project.");
    public static final Key<String> RUN_NAME = Key.text("run_name", null, "wandb run name.");

    public static final SectionSpec SPEC = new SectionSpec("logging", "config.process[].logging",
            "Loss logging (toolkit/config_modules.py:LoggingConfig).",
            List.of(LOG_EVERY, VERBOSE, USE_WANDB, USE_UI_LOGGER, PROJECT_NAME, RUN_NAME));
}
