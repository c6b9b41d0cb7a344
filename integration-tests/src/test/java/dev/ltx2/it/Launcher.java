package dev.ltx2.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code bin/orchestrator} as a user would, from a scratch working directory. */
final class Launcher {
    static final Path HOME = Path.of(System.getProperty("orchestrator.home", "..")).toAbsolutePath().normalize();

    private Launcher() {}

    /**
     * Starts the launcher with SIGINT at its default disposition: a JVM started from a
     * non-interactive background job inherits SIGINT as ignored, and then Ctrl-C could
     * never reach it (POSIX: a non-interactive shell starts background commands with SIGINT
     * and SIGQUIT ignored, and an ignored disposition survives exec).
     */
    static Process start(Path workDir, Path log, String... args) throws IOException {
        return start(workDir, log, Map.of(), args);
    }

    /** The same, with {@code extraEnv} added to the launcher's environment (fault injection). */
    static Process start(Path workDir, Path log, Map<String, String> extraEnv, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT", HOME.resolve("bin/orchestrator").toString()));
        cmd.addAll(List.of(args));
        String upstream = System.getenv("LTX2_UPSTREAM");
        if (upstream != null && !upstream.isBlank() && (List.of(args).contains("train") || List.of(args).contains("lab"))) {
            cmd.add("--upstream");
            cmd.add(upstream);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    static String demoConfig(int steps, int saveEvery) throws IOException {
        String demo = Files.readString(HOME.resolve("examples/demo/character.yaml"));
        return demo.replace("steps: 30", "steps: " + steps).replace("save_every: 10", "save_every: " + saveEvery);
    }

    static Map<String, String> env() {
        return System.getenv();
    }
}
