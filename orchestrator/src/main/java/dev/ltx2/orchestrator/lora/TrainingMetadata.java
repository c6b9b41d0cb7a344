package dev.ltx2.orchestrator.lora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads training facts from safetensors metadata. ai-toolkit writes {@code software} and
 * {@code training_info} as JSON strings, {@code ss_base_model_version}, {@code ss_output_name},
 * plus the job's optional {@code meta:} section; the job config itself goes to
 * {@code config.yaml} in the training folder, which is read when it names the same job.
 */
final class TrainingMetadata {
    /** ai-toolkit's DatasetConfig defaults do_audio to False (toolkit/config_modules.py). */
    static final boolean AI_TOOLKIT_DO_AUDIO_DEFAULT = false;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private TrainingMetadata() {}

    static TrainingSummary read(Map<String, String> metadata, Path loraFile) {
        JsonNode software = json(metadata.get("software"));
        JsonNode info = json(metadata.get("training_info"));
        String softwareText = software == null ? metadata.get("software")
                : (software.path("name").asText("?") + " " + software.path("version").asText("")).strip();
        Long step = info == null || !info.has("step") ? null : info.get("step").asLong();
        Long epoch = info == null || !info.has("epoch") ? null : info.get("epoch").asLong();
        String outputName = metadata.get("ss_output_name");

        Boolean doAudio = null;
        String source = null;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            Boolean found = doAudio(json(e.getValue()));
            if (found != null) {
                doAudio = found;
                source = "metadata \"" + e.getKey() + "\"";
                break;
            }
        }
        if (doAudio == null && outputName != null) {
            Path config = loraFile.toAbsolutePath().getParent().resolve("config.yaml");
            JsonNode job = yaml(config);
            if (job != null && outputName.equals(job.path("config").path("name").asText(null))) {
                doAudio = doAudio(job);
                source = doAudio == null ? null : "the job config next to the LoRA, " + config;
            }
        }
        return new TrainingSummary(softwareText, step, epoch, metadata.get("ss_base_model_version"), outputName,
                doAudio, source);
    }

    /**
     * True when any dataset trains audio. Datasets without the key take ai-toolkit's default;
     * with no datasets, a lone do_audio key anywhere answers.
     */
    static Boolean doAudio(JsonNode root) {
        if (root == null || !root.isContainerNode()) {
            return null;
        }
        List<JsonNode> datasets = new ArrayList<>();
        root.findValues("datasets").forEach(list -> list.forEach(datasets::add));
        if (!datasets.isEmpty()) {
            return datasets.stream().anyMatch(d -> d.path("do_audio").asBoolean(AI_TOOLKIT_DO_AUDIO_DEFAULT));
        }
        List<JsonNode> flags = root.findValues("do_audio");
        return flags.isEmpty() ? null : flags.stream().anyMatch(JsonNode::asBoolean);
    }

    private static JsonNode json(String value) {
        if (value == null || value.isBlank() || "{[".indexOf(value.strip().charAt(0)) < 0) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode yaml(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException | RuntimeException e) {
            return null; // a broken neighbour file is no reason to fail an inspection
        }
    }
}
