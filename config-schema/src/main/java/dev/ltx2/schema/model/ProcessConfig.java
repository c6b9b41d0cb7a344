package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;
import java.util.Map;

/**
 * {@code config.process[]}: one trainer ({@code jobs/process/BaseSDTrainProcess.py} and its
 * bases), with its sections bound to typed records.
 */
public record ProcessConfig(Section section, ModelConfig model, NetworkConfig network, TrainConfig train,
                            List<DatasetConfig> datasets, SaveConfig save, SampleConfig sample, LoggingConfig logging) {

    public static final Key<String> TYPE = Key.choice("type", null,
            "Trainer: sd_trainer, or diffusion_trainer (adds ai-toolkit UI status); ui_trainer needs the UI's database.",
            "sd_trainer", "diffusion_trainer", "ui_trainer").mandatory();
    public static final Key<String> TRAINING_FOLDER = Key.path("training_folder", PathKind.OUTPUT_DIRECTORY,
            "Output root; checkpoints go to training_folder/name (relative to the working directory).").mandatory();
    public static final Key<String> NAME = Key.text("name", null, "Output name of this process.")
            .defaultShown("= config.name");
    public static final Key<String> DEVICE = Key.text("device", null,
            "Device hint (sd_trainer uses the accelerator's device).");
    public static final Key<String> TRIGGER_WORD = Key.text("trigger_word", null,
            "Trigger word added to captions that lack it (and replaced for [trigger]); needed by DOP.");
    public static final Key<Long> TRAINING_SEED = Key.optionalInteger("training_seed", "Seed for torch and random.");
    public static final Key<String> LOG_DIR = Key.path("log_dir", PathKind.OUTPUT_DIRECTORY, "TensorBoard log folder.");
    public static final Key<Long> PERFORMANCE_LOG_EVERY = Key.integer("performance_log_every", 0,
            "Steps between timing reports (0 = off).").atLeast(0);
    public static final Key<Long> GPUS = Key.integer("gpus", 1,
            "Data-parallel ranks on this machine, one per GPU (CPU: processes, gloo), launched by the orchestrator "
            + "through torchrun; rank 0 saves. `train --gpus N` overrides. Read by the orchestrator, not ai-toolkit.")
            .atLeast(1).fork();
    public static final Key<String> SQLITE_DB_PATH = Key.text("sqlite_db_path", "./aitk_db.db",
            "ai-toolkit UI database (diffusion_trainer, ui_trainer).");
    public static final Key<Boolean> TORCH_PROFILER = Key.bool("torch_profiler", false, "Run the torch profiler.");
    public static final Key<Section> MODEL = Key.section("model", () -> ModelConfig.SPEC, "The model.").mandatory();
    public static final Key<Section> NETWORK = Key.section("network", () -> NetworkConfig.SPEC,
            "The LoRA; without it ai-toolkit fine-tunes the whole transformer.");
    public static final Key<Section> TRAIN = Key.section("train", () -> TrainConfig.SPEC, "The training loop.");
    public static final Key<List<Section>> DATASETS = Key.sections("datasets", () -> DatasetConfig.SPEC,
            "The datasets (at least one).").nonEmpty().mandatory();
    public static final Key<Section> SAVE = Key.section("save", () -> SaveConfig.SPEC, "Checkpoints.");
    public static final Key<Section> SAMPLE = Key.section("sample", () -> SampleConfig.SPEC, "Samples during training.");
    public static final Key<Section> FIRST_SAMPLE = Key.section("first_sample", () -> SampleConfig.SPEC,
            "Settings for the samples before step 1.");
    public static final Key<Section> LOGGING = Key.section("logging", () -> LoggingConfig.SPEC, "Loss logging.");
    public static final Key<Section> VOICE_REPORT = Key.section("voice_report", () -> VoiceReportConfig.SPEC,
            "The voice report at checkpoints (fork).").fork();
    public static final Key<Map<String, Object>> GUIDANCE = Key.map("guidance", "Guidance jobs.").otherModels();
    public static final Key<Map<String, Object>> EMBEDDING = Key.map("embedding", "Textual inversion.").otherModels();
    public static final Key<Map<String, Object>> ADAPTER = Key.map("adapter", "Adapter training (IP, T2I...).")
            .otherModels();
    public static final Key<Map<String, Object>> DECORATOR = Key.map("decorator", "Flux decorator (upstream raises for "
            + "other models).");
    public static final Key<Boolean> DO_LORM = Key.bool("do_lorm", false, "LoRM conversion.").otherModels();
    public static final Key<String> LORM_EXTRACT_MODE = Key.text("lorm_extract_mode", "ratio", "LoRM.").otherModels();
    public static final Key<Double> LORM_EXTRACT_MODE_PARAM = Key.number("lorm_extract_mode_param", 0.25, "LoRM.")
            .otherModels();

    public static final SectionSpec SPEC = new SectionSpec("process", "config.process[]",
            "One trainer process (jobs/process/BaseSDTrainProcess.py and its bases).",
            List.of(TYPE, TRAINING_FOLDER, NAME, DEVICE, TRIGGER_WORD, TRAINING_SEED, LOG_DIR, PERFORMANCE_LOG_EVERY,
                    GPUS, SQLITE_DB_PATH, TORCH_PROFILER, MODEL, NETWORK, TRAIN, DATASETS, SAVE, SAMPLE, FIRST_SAMPLE, LOGGING,
                    VOICE_REPORT,
                    GUIDANCE, EMBEDDING, ADAPTER, DECORATOR, DO_LORM, LORM_EXTRACT_MODE, LORM_EXTRACT_MODE_PARAM));

    /** Builds the typed view of a bound process section; absent sections get their defaults. */
    public static ProcessConfig of(Section process) {
        NetworkConfig network = process.isSet(NETWORK) && process.get(NETWORK) != null
                ? new NetworkConfig(process.get(NETWORK)) : null;
        return new ProcessConfig(process,
                new ModelConfig(sub(process, MODEL, ModelConfig.SPEC)),
                network,
                new TrainConfig(sub(process, TRAIN, TrainConfig.SPEC)),
                process.get(DATASETS).stream().map(DatasetConfig::new).toList(),
                new SaveConfig(sub(process, SAVE, SaveConfig.SPEC)),
                new SampleConfig(sub(process, SAMPLE, SampleConfig.SPEC)),
                new LoggingConfig(sub(process, LOGGING, LoggingConfig.SPEC)));
    }

    private static Section sub(Section process, Key<Section> key, SectionSpec spec) {
        Section s = process.get(key);
        return s != null ? s : Section.absent(spec, process.pathOf(key), process.position());
    }
}
