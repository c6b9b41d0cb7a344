package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.List;

/**
 * {@code config.process[].voice_report}: the voice report the fork's bridge computes at
 * checkpoints (is the character's voice learned, is the base voice kept; docs/voice-report.md).
 * Read in Python by {@code ltx2_character/report/options.py}.
 */
public record VoiceReportConfig(Section section) {
    public static final Key<Boolean> ENABLED = Key.optionalBool("enabled", "null = on for LTX-2 LoRA jobs",
            "Measure the voice at checkpoints; off also disables setting clips aside.").fork();
    public static final Key<Long> EVERY = Key.optionalInteger("every",
            "Report at every Nth checkpoint; null = each checkpoint while the report stays within max_cost of the "
                    + "training time (the final checkpoint always reports).").atLeast(1).fork();
    public static final Key<Double> MAX_COST = Key.number("max_cost", 0.05,
            "Share of training time the report may use when `every` is null.").above(0).atMost(1).fork();
    public static final Key<Long> HELD_OUT = Key.integer("held_out", 2,
            "Voiced clips measured for 'voice learned'; without validation_folder they are set aside from the dataset "
                    + "(never trained on, named in the log; at most half the voiced clips).").atLeast(0).fork();
    public static final Key<String> VALIDATION_FOLDER = Key.path("validation_folder", PathKind.OPTIONAL_DIRECTORY,
            "Clips of the character speaking, with captions, that are not in the dataset; missing or unusable: "
                    + "a message, and clips are set aside from the dataset instead.").fork();
    public static final Key<List<String>> PROMPTS = Key.list("prompts", new ValueType.TextType(true),
            "Extra captions outside the character for 'base drift' (three generic ones are always used).").fork();
    public static final Key<Long> NOT_LEARNING_AFTER = Key.integer("not_learning_after", 200,
            "Warn when the held-out audio loss has not fallen by 2% after this many steps.").atLeast(1).fork();

    public static final SectionSpec SPEC = new SectionSpec("voice_report", "config.process[].voice_report",
            "The voice report at checkpoints (fork; docs/voice-report.md).",
            List.of(ENABLED, EVERY, MAX_COST, HELD_OUT, VALIDATION_FOLDER, PROMPTS, NOT_LEARNING_AFTER));
}
