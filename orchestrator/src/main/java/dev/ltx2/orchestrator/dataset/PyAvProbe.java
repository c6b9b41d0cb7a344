package dev.ltx2.orchestrator.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Probes media with {@code python -m ltx2_tools.media_probe} in the trainer's venv: PyAV for
 * the streams (ai-toolkit's own audio-track check) and {@code torchaudio.load} for the audio (the
 * trainer's own call). Files are split over a few long-lived processes, because starting one
 * process per clip costs more than probing it (docs/config-schema.md, "Why PyAV").
 */
public final class PyAvProbe implements MediaProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each process imports torch (about 2 s of CPU), so it should get at least this many files. */
    public static final int FILES_PER_PROCESS = 50;
    private static final long TIMEOUT_MINUTES = 60;

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

    private Map<Path, MediaInfo> run(List<Path> files) {
        Map<Path, MediaInfo> out = new HashMap<>();
        ProcessBuilder pb = new ProcessBuilder(env.python().toString(), "-m", "ltx2_tools.media_probe");
        pb.environment().putAll(env.childEnvironment());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            files.forEach(f -> out.put(f, MediaInfo.unreadable("cannot start the probe: " + e.getMessage())));
            return out;
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p));
        CompletableFuture.runAsync(() -> {
            try (Writer w = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                for (Path f : files) {
                    w.write(f.toString());
                    w.write('\n');
                }
            } catch (IOException ignored) {
                // the process died; its exit status and stderr explain why
            }
        });
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = JSON.readTree(line);
                out.put(Path.of(n.path("path").asText()), parse(n));
            }
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            p.destroyForcibly();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        String why = err.join().strip();
        String tail = why.isEmpty() ? "the probe stopped" : why.lines().reduce((a, b) -> b).orElse(why);
        files.forEach(f -> out.putIfAbsent(f, MediaInfo.unreadable("not probed: " + tail)));
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

    private static String read(Process p) {
        try {
            return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
