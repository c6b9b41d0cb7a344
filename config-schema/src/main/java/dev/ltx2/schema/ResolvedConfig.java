package dev.ltx2.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltx2.schema.model.ProcessConfig;
import java.nio.file.Path;

/**
 * A job config after {@code ${ENV}} substitution, as the trainer will receive it. The
 * tree is handed to ai-toolkit as JSON, so what was validated is exactly what runs.
 */
public record ResolvedConfig(Path file, JsonNode tree) {

    /** The output name: {@code process[0].name} when set (ai-toolkit's BaseProcess), else {@code config.name}. */
    public String name() {
        JsonNode processName = firstProcess().path("name");
        return processName.isTextual() ? processName.asText() : tree.path("config").path("name").asText();
    }

    private JsonNode firstProcess() {
        return tree.path("config").path("process").path(0);
    }

    /** {@code process[0].training_folder}, relative paths against the working directory as ai-toolkit does. */
    public Path trainingFolder() {
        return Path.of(firstProcess().path("training_folder").asText("output")).toAbsolutePath().normalize();
    }

    /** Where ai-toolkit writes this job's checkpoints: {@code training_folder/name}. */
    public Path outputDir() {
        return trainingFolder().resolve(name());
    }

    public int steps() {
        return firstProcess().path("train").path("steps").asInt(0);
    }

    /** {@code process[0].gpus}: how many data-parallel ranks the orchestrator launches. */
    public int gpus() {
        return firstProcess().path(ProcessConfig.GPUS.name()).asInt(ProcessConfig.GPUS.defaultValue().intValue());
    }

    /** {@code process[0].device}, ai-toolkit's default ({@code cuda}) when unset. */
    public String device() {
        return firstProcess().path("device").asText("cuda");
    }

    public String toJson() {
        return tree.toString();
    }
}
