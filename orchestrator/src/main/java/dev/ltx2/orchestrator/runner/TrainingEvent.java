package dev.ltx2.orchestrator.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One event from the Python bridge ({@code ltx2_character.bridge.events}); both runners
 * deliver the same JSON lines.
 */
public sealed interface TrainingEvent {

    record Started(int startStep, int totalSteps, String outputDir) implements TrainingEvent {}

    /** {@code audioLoss} is the raw (unscaled) audio loss; {@code losses} every numeric log key. */
    record Step(int step, int totalSteps, double seconds, OptionalDouble lr, OptionalDouble videoLoss,
                OptionalDouble audioLoss, Map<String, Double> losses) implements TrainingEvent {
        public OptionalDouble loss(String key) {
            Double v = losses.get(key);
            return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
        }
    }

    record Saved(String path, int step) implements TrainingEvent {}

    record Finished(int step) implements TrainingEvent {}

    record Stopped(int step, String checkpoint) implements TrainingEvent {}

    record Failed(String error, String traceback) implements TrainingEvent {}

    /** Several ranks: the launcher's word that rank {@code rank} ended with {@code exitCode} (negative: a signal). */
    record RankFailed(int rank, int exitCode) implements TrainingEvent {}
    /** Something the user must know that does not stop training (e.g. a broken checkpoint set aside). */
    record Notice(String message) implements TrainingEvent {}
    /**
     * The voice report ({@code ltx2_character.report}): {@code line} is what the user reads (a
     * measurement, e.g. "voice: learned −18% · base drift 0.6%", or a note such as the clips set
     * aside); {@code warnings} each with its fix.
     */
    record Voice(int step, String line, List<VoiceWarning> warnings) implements TrainingEvent {}

    record VoiceWarning(String code, String message, String fix) {}

    ObjectMapper JSON = new ObjectMapper();

    /** Decodes one line; a line that is not a known event becomes a {@link Failed}. */
    static TrainingEvent decode(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            return new Failed("unreadable event from the trainer: " + line, "");
        }
        return switch (n.path("type").asText()) {
            case "started" -> new Started(n.path("start_step").asInt(), n.path("total_steps").asInt(), n.path("output_dir").asText());
            case "step" -> new Step(n.path("step").asInt(), n.path("total_steps").asInt(), n.path("seconds").asDouble(),
                    optional(n.get("lr")), optional(n.get("video_loss")), optional(n.get("audio_loss")), losses(n.path("losses")));
            case "saved" -> new Saved(n.path("path").asText(), n.path("step").asInt());
            case "finished" -> new Finished(n.path("step").asInt());
            case "stopped" -> new Stopped(n.path("step").asInt(), n.path("checkpoint").isNull() ? null : n.path("checkpoint").asText(null));
            case "failed" -> new Failed(n.path("error").asText(), n.path("traceback").asText());
            case "rank_failed" -> new RankFailed(n.path("rank").asInt(), n.path("exit_code").asInt());
            case "notice" -> new Notice(n.path("message").asText());
            case "voice" -> new Voice(n.path("step").asInt(), n.path("line").asText(), voiceWarnings(n.path("warnings")));
            default -> new Failed("unknown event from the trainer: " + line, "");
        };
    }

    private static OptionalDouble optional(JsonNode n) {
        return n == null || !n.isNumber() ? OptionalDouble.empty() : OptionalDouble.of(n.asDouble());
    }

    private static List<VoiceWarning> voiceWarnings(JsonNode n) {
        List<VoiceWarning> out = new ArrayList<>();
        n.forEach(w -> out.add(new VoiceWarning(w.path("code").asText(), w.path("message").asText(), w.path("fix").asText())));
        return List.copyOf(out);
    }

    private static Map<String, Double> losses(JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return out;
    }
}
