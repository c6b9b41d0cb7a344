package dev.ltx2.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one training run left in its output folder, as {@code orchestrator report} shows it:
 * the config ai-toolkit saved, {@code loss_log.csv} (written by {@code train}), the voice
 * report's files ({@code voice_report.csv}, {@code voice_report.json}; ltx2_character.report)
 * and the samples ai-toolkit rendered ({@code samples/*.mp4}, {@code *.jpg|png}).
 */
public record RunReport(Path dir, Map<String, String> config, String configText, Optional<CsvTable> losses,
                        Optional<CsvTable> voice, Optional<JsonNode> voiceSummary, List<Path> samples) {

    public static final String LOSS_LOG = "loss_log.csv";
    public static final String VOICE_CSV = "voice_report.csv";
    public static final String VOICE_JSON = "voice_report.json";

    public static Result<RunReport> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Result.err(Failure.user("not a folder: " + dir,
                    "give the job's output folder, training_folder/name (e.g. output/demo_character)"));
        }
        try {
            Path configFile = dir.resolve("config.yaml");
            String configText = Files.isRegularFile(configFile) ? Files.readString(configFile) : "";
            Optional<CsvTable> losses = optionalCsv(dir.resolve(LOSS_LOG));
            Optional<CsvTable> voice = optionalCsv(dir.resolve(VOICE_CSV));
            if (configText.isEmpty() && losses.isEmpty() && voice.isEmpty()) {
                return Result.err(Failure.user(dir + " holds no training run (no config.yaml, " + LOSS_LOG + " or "
                        + VOICE_CSV + ")", "give the job's output folder, training_folder/name"));
            }
            Optional<JsonNode> summary = Files.isRegularFile(dir.resolve(VOICE_JSON))
                    ? Optional.of(new ObjectMapper().readTree(dir.resolve(VOICE_JSON).toFile())) : Optional.empty();
            return Result.ok(new RunReport(dir, summary(configText), configText, losses, voice, summary, samples(dir)));
        } catch (IOException e) {
            return Result.err(Failure.user("cannot read the run in " + dir + ": " + e.getMessage(), "check the folder"));
        }
    }

    private static Optional<CsvTable> optionalCsv(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(CsvTable.read(file)) : Optional.empty();
    }

    private static List<Path> samples(Path dir) throws IOException {
        Path folder = dir.resolve("samples");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().matches("(?i).*\\.(mp4|webm|png|jpg|jpeg|webp)$")).sorted().toList();
        }
    }

    /** The keys a reader checks first; the whole file is on the page too. */
    static Map<String, String> summary(String configText) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (configText.isBlank()) {
            return out;
        }
        JsonNode root = new YAMLMapper().readTree(configText);
        JsonNode process = root.path("config").path("process").path(0);
        put(out, "name", root.path("config").path("name"));
        put(out, "model", process.path("model").path("arch"));
        put(out, "weights", process.path("model").path("name_or_path"));
        put(out, "network", process.path("network").path("type"));
        put(out, "rank / alpha", process.path("network").path("linear"), process.path("network").path("linear_alpha"));
        put(out, "steps", process.path("train").path("steps"));
        put(out, "learning rate", process.path("train").path("lr"));
        put(out, "optimizer", process.path("train").path("optimizer"));
        put(out, "save every", process.path("save").path("save_every"));
        List<String> datasets = new ArrayList<>();
        process.path("datasets").forEach(d -> datasets.add(d.path("folder_path").asText()
                + (d.has("do_audio") ? " (do_audio: " + d.path("do_audio").asText() + ")" : "")));
        if (!datasets.isEmpty()) {
            out.put("datasets", String.join("; ", datasets));
        }
        JsonNode train = process.path("train");
        for (String key : List.of("audio_loss_multiplier", "auto_balance_audio_loss", "voice_preservation",
                "independent_audio_timestep")) {
            put(out, key, train.path(key));
        }
        if (process.has("voice_report")) {
            out.put("voice_report", process.path("voice_report").toString());
        }
        return out;
    }

    private static void put(Map<String, String> out, String label, JsonNode... nodes) {
        List<String> values = new ArrayList<>();
        for (JsonNode n : nodes) {
            if (!n.isMissingNode() && !n.isNull()) {
                values.add(n.asText());
            }
        }
        if (!values.isEmpty()) {
            out.put(label, String.join(" / ", values));
        }
    }
}
