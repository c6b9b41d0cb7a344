package dev.ltx2.orchestrator.runner;

import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the trainer as a child Python process: a crash or OOM kill takes only the child.
 * Events arrive as JSON lines on the child's stdout; a stop is a SIGTERM, which the
 * child turns into the same cooperative stop the in-process runner uses.
 */
public final class SubprocessRunner implements TrainerRunner {

    @Override
    public String name() {
        return "subprocess";
    }

    @Override
    public RunOutcome run(TrainingRequest request, Consumer<TrainingEvent> listener, AtomicBoolean stop) {
        PythonEnv env = request.env();
        OutcomeCollector collector = new OutcomeCollector(listener);
        Path configFile = null;
        try {
            configFile = Files.createTempFile("ltx2-job-", ".json");
            Files.writeString(configFile, request.configJson(), StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(List.of(env.python().toString(), "-u", "-m",
                    "ltx2_character.bridge.subprocess_main", "--config-json", configFile.toString(),
                    "--fork", env.forkDir().toString(), "--log", request.logFile().toString()));
            pb.environment().putAll(env.childEnvironment());
            Files.createDirectories(request.logFile().getParent());
            pb.redirectError(ProcessBuilder.Redirect.appendTo(request.logFile().toFile()));
            Process child = pb.start();
            Thread stopper = new Thread(() -> forwardStop(child, stop), "stop-forwarder");
            stopper.setDaemon(true);
            stopper.start();
            try (BufferedReader events = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = events.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        collector.accept(TrainingEvent.decode(line));
                    }
                }
            }
            int code = waitFor(child);
            return collector.outcomeOr("the trainer process exited with code " + code
                    + (code > 128 ? " (signal " + (code - 128) + ")" : "") + " before reporting an outcome; see " + request.logFile());
        } catch (IOException e) {
            return new RunOutcome.Failed("cannot start the trainer process: " + e.getMessage(), "");
        } finally {
            if (configFile != null) {
                try {
                    Files.deleteIfExists(configFile);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static void forwardStop(Process child, AtomicBoolean stop) {
        try {
            while (child.isAlive()) {
                if (stop.get()) {
                    // SIGTERM through the handle: Process.destroy() would also close our end of
                    // the event pipe. The child saves and exits at its next step end.
                    child.toHandle().destroy();
                    return;
                }
                child.waitFor(200, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException ignored) {
                // the child finishes its checkpoint first
            }
        }
    }
}
