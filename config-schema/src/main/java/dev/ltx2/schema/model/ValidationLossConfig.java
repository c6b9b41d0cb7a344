package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.List;

/** {@code train.validation_config}: a validation loss on fixed items ({@code ValidationConfig}). */
public record ValidationLossConfig(Section section) {
    public static final Key<List<Object>> VALIDATION_ITEMS = Key.list("validation_items", new ValueType.AnyType(),
            "Items as {image_path, prompt} mappings.");
    public static final Key<Long> RESOLUTION = Key.integer("resolution", 512, "Resolution of validation items.").atLeast(1);
    public static final Key<Long> VALIDATE_EVERY_N_STEPS = Key.integer("validate_every_n_steps", 10,
            "Steps between validation runs.").atLeast(1);
    public static final Key<List<Double>> VALIDATION_SIGMAS = Key.list("validation_sigmas",
            new ValueType.FloatType(0.0, false, 1.0, false), "Noise levels evaluated.")
            .defaultShown("[1.0, 0.75, 0.5, 0.25]");

    public static final SectionSpec SPEC = new SectionSpec("validation_config", "config.process[].train.validation_config",
            "Validation loss (toolkit/config_modules.py:ValidationConfig).",
            List.of(VALIDATION_ITEMS, RESOLUTION, VALIDATE_EVERY_N_STEPS, VALIDATION_SIGMAS));
}
