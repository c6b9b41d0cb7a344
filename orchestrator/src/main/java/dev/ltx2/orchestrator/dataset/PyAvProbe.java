package dev.ltx2.orchestrator.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import dev.ltx2.orchestrator.pyenv.ToolDoor;
import dev.ltx2.orchestrator.pyenv.ToolEvent;
import dev.ltx2.orchestrator.pyenv.ToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes media with {@code ltx2_tools.media_probe} (through {@link ToolDoor}: {@code python -m
 * ltx2_tools media-probe}) in the trainer's venv: PyAV for the streams (ai-toolkit's own
 * audio-track check) and {@code torchaudio.load} for the audio (the trainer's own call). Files are split over a few long-lived processes, because starting one
 * process per clip costs more than probing it (docs/config-schema.md, "Why PyAV").
 */
public final class PyAvProbe implements MediaProbe {
    /** Each process imports torch (about 2 s of CPU), so it should get at least this many files. */
    public static final int FILES_PER_PROCESS = 50;

    private final PythonEnv env;
    private final int maxProcesses;

    public PyAvProbe(PythonEnv env, int maxProcesses) {
        this.env = env;
        this.maxProcesses = Math.max(1, maxProcesses);
    }

    @Override
    public Map<Path, MediaInfo> probe(List<Path> files) {
        Map<Path, MediaInfo> out = new HashMap<>();
        if (files.isEmpty()) {
            return out;
        }
        int processes = Math.min(maxProcesses, Math.max(1, files.size() / FILES_PER_PROCESS));
        List<CompletableFuture<Map<Path, MediaInfo>>> running = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            List<Path> slice = new ArrayList<>();
            for (int j = i; j < files.size(); j += processes) {
                slice.add(files.get(j));
            }
            running.add(CompletableFuture.supplyAsync(() -> run(slice)));
        }
        running.forEach(f -> out.putAll(f.join()));
        return out;
    }

    /**
     * One process for {@code files}: their paths on stdin, one probe back per file as an
     * {@code item} event as soon as it is made, so a process that dies keeps the answers it gave
     * and the rest are named as not probed, with the reason.
     */
    private Map<Path, MediaInfo> run(List<Path> files) {
        Map<Path, MediaInfo> out = new ConcurrentHashMap<>();
        StringBuilder paths = new StringBuilder();
        files.forEach(f -> paths.append(f).append('\n'));
        Result<ToolResult> answered = new ToolDoor(env).call("media-probe", List.of(), paths.toString(), event -> {
            if (event instanceof ToolEvent.Item item) {
                out.put(Path.of(item.value().path("path").asText()), parse(item.value()));
            }
        });
        String why = answered instanceof Result.Err<ToolResult> e
                ? e.failure().detail().filter(d -> !d.isBlank()).map(d -> d.lines().reduce((a, b) -> b).orElse(d))
                        .orElse(e.failure().message())
                : "the probe gave no answer for it";
        files.forEach(f -> out.putIfAbsent(f, MediaInfo.unreadable("not probed: " + why)));
        return out;
    }

    static MediaInfo parse(JsonNode n) {
        JsonNode v = n.path("video");
        MediaInfo.Video video = v.isObject() ? new MediaInfo.Video(v.path("codec").asText(), v.path("width").asInt(),
                v.path("height").asInt(), v.path("fps").asDouble(), v.path("frames").asLong(), v.path("duration").asDouble())
                : null;
        List<MediaInfo.Audio> audio = new ArrayList<>();
        for (JsonNode a : n.path("audio")) {
            audio.add(new MediaInfo.Audio(a.path("codec").asText(), a.path("sample_rate").asInt(), a.path("channels").asInt(),
                    a.path("frames").asLong(), a.path("duration").asDouble()));
        }
        return new MediaInfo(text(n.path("error")), text(n.path("decode_error")), video, List.copyOf(audio),
                n.path("duration").asDouble(), n.path("audio_loaded_samples").asLong());
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
