package dev.ltx2.orchestrator.pyenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * One line from {@code python -m ltx2_tools VERB} ({@code ltx2_tools/door.py}): the training
 * bridge's protocol, with the tooling's own event types beside its {@code failed}. A verb's
 * stdout carries nothing else (the door moves file descriptor 1 to stderr), so a line that is no
 * known event is a broken door, reported as {@link Failed} as {@code TrainingEvent} does.
 */
public sealed interface ToolEvent {

    /** For the user while the verb runs (the checklist's "item 3: PASS …"). */
    record Progress(String message) implements ToolEvent {}

    /** A line the tool printed. */
    record Log(String line) implements ToolEvent {}

    /** One streamed piece of the answer (a media probe), sent as soon as it is made. */
    record Item(JsonNode value) implements ToolEvent {}

    /** The verb's answer and exit status: terminal. */
    record Done(String verb, int exitCode, JsonNode value) implements ToolEvent {}

    /** The verb raised, or the call was refused (unknown verb, bad arguments): terminal. */
    record Failed(String error, String traceback) implements ToolEvent {}

    ObjectMapper JSON = new ObjectMapper();

    static ToolEvent decode(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            return new Failed("unreadable event from the tool: " + line, "");
        }
        return switch (n.path("type").asText()) {
            case "progress" -> new Progress(n.path("message").asText());
            case "log" -> new Log(n.path("line").asText());
            case "item" -> new Item(n.path("value"));
            case "result" -> new Done(n.path("verb").asText(), n.path("exit_code").asInt(), n.path("value"));
            case "failed" -> new Failed(n.path("error").asText(), n.path("traceback").asText());
            default -> new Failed("unknown event from the tool: " + line, "");
        };
    }

    default boolean terminal() {
        return this instanceof Done || this instanceof Failed;
    }
}
