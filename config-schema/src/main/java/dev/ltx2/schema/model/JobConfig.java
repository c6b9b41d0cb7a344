package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;
import java.util.Map;

/**
 * A whole job file: {@code job}, {@code config} ({@code name}, {@code process[]}) and {@code meta}
 * ({@code toolkit/config.py}, {@code jobs/BaseJob.py}, {@code jobs/ExtensionJob.py}).
 */
public record JobConfig(Section root, Section config, List<ProcessConfig> processes) {

    public static final Key<String> JOB = Key.choice("job", null,
            "Job type; LTX-2 training runs as an extension job (the sd_trainer extension).", "extension")
            .choices(false, Map.of(
                    "train", "the 'train' job runs ai-toolkit's built-in processes; LTX-2's sd_trainer is an extension",
                    "extract", "not a training job", "generate", "not a training job", "mod", "not a training job"))
            .mandatory();
    public static final Key<Section> CONFIG = Key.section("config", () -> JobConfig.CONFIG_SPEC, "The job.").mandatory();
    public static final Key<Map<String, Object>> META = Key.map("meta", "Metadata saved into the LoRA (name, version...).");

    public static final Key<String> NAME = Key.text("name", null,
            "Job name: the output folder under training_folder and the LoRA file name ([name] in values is replaced "
                    + "by it).").mandatory();
    public static final Key<List<Section>> PROCESS = Key.sections("process", () -> ProcessConfig.SPEC,
            "The trainer processes (normally one).").nonEmpty().mandatory();
    public static final Key<String> DEVICE = Key.text("device", "cpu",
            "Extension job device (sd_trainer uses the accelerator's device).");

    public static final SectionSpec ROOT_SPEC = new SectionSpec("job_file", "the top level",
            "The job file (toolkit/config.py: job, config and config.name are required).", List.of(JOB, CONFIG, META));
    public static final SectionSpec CONFIG_SPEC = new SectionSpec("config", "config",
            "The job's name and processes (jobs/BaseJob.py, jobs/ExtensionJob.py).", List.of(NAME, PROCESS, DEVICE));

    /** Every section, in the order the docs list them. */
    public static final List<SectionSpec> ALL_SECTIONS = List.of(ROOT_SPEC, CONFIG_SPEC, ProcessConfig.SPEC,
            ModelConfig.SPEC, NetworkConfig.SPEC, TrainConfig.SPEC, EmaConfig.SPEC, ValidationLossConfig.SPEC,
            DatasetConfig.SPEC, SaveConfig.SPEC, SampleConfig.SPEC, SampleItem.SPEC, LoggingConfig.SPEC,
            VoiceReportConfig.SPEC);

    public String name() {
        return config.get(NAME);
    }
}
