package dev.ltx2.orchestrator.runner;

import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the trainer as a child Python process: a crash or OOM kill takes only the child.
 * Events arrive as JSON lines on the child's stdout; a stop is a SIGTERM, which the
 * child turns into the same cooperative stop the in-process runner uses.
 *
 * <p>With several ranks the child is torchrun ({@code ltx2_character.bridge.launch}, in its
 * own session), which starts one trainer per GPU; rank 0 writes the events. A stop creates
 * the ranks' stop file instead of signalling: all ranks agree on it at the same step end and
 * rank 0 saves, with no grace period to outrun.
 */
public final class SubprocessRunner implements TrainerRunner {
    static final String ONE_RANK = "ltx2_character.bridge.subprocess_main";
    static final String LAUNCHER = "ltx2_character.bridge.launch";

    private final int ranks;

    public SubprocessRunner() {
        this(1);
    }

    public SubprocessRunner(int ranks) {
        if (ranks < 1) {
            throw new IllegalArgumentException("ranks must be at least 1: " + ranks);
        }
        this.ranks = ranks;
    }

    @Override
    public String name() {
        return ranks == 1 ? "subprocess" : "subprocess (" + ranks + " ranks through torchrun)";
    }

    /** The child's command line: one trainer, or torchrun starting {@code ranks} of them on this machine. */
    static List<String> command(Path python, Path configFile, Path fork, Path log, int ranks, Path stopFile) {
        List<String> trainer = List.of("-m", ONE_RANK, "--config-json", configFile.toString(), "--fork", fork.toString(),
                "--log-file", log.toString());
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-u"));
        if (ranks > 1) {
            cmd.addAll(List.of("-m", LAUNCHER, "--standalone", "--nproc-per-node=" + ranks));
        }
        cmd.addAll(trainer);
        if (ranks > 1) {
            cmd.addAll(List.of("--stop-file", stopFile.toString()));
        }
        return cmd;
    }

    @Override
    public RunOutcome run(TrainingRequest request, Consumer<TrainingEvent> listener, AtomicBoolean stop) {
        PythonEnv env = request.env();
        OutcomeCollector collector = new OutcomeCollector(listener);
        Path configFile = null;
        Path stopFile = null;
        try {
            configFile = Files.createTempFile("ltx2-job-", ".json");
            Files.writeString(configFile, request.configJson(), StandardCharsets.UTF_8);
            stopFile = configFile.resolveSibling(configFile.getFileName() + ".stop");
            ProcessBuilder pb = new ProcessBuilder(command(env.python(), configFile, env.forkDir(), request.logFile(),
                    ranks, stopFile));
            pb.environment().putAll(env.childEnvironment());
            Files.createDirectories(request.logFile().getParent());
            pb.redirectError(ProcessBuilder.Redirect.appendTo(request.logFile().toFile()));
            Process child = pb.start();
            Path stopPath = stopFile;
            Thread stopper = new Thread(() -> forwardStop(child, stop, ranks > 1 ? stopPath : null), "stop-forwarder");
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
                    if (stopFile != null) {
                        Files.deleteIfExists(stopFile);
                    }
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static void forwardStop(Process child, AtomicBoolean stop, Path stopFile) {
        try {
            while (child.isAlive()) {
                if (stop.get() && stopFile != null) {
                    try {
                        Files.writeString(stopFile, "stop\n");
                    } catch (IOException e) {
                        child.toHandle().destroy(); // torchrun then stops the ranks itself
                    }
                    return;
                }
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
