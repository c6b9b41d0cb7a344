package dev.ltx2.orchestrator.ui;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs node and npm; their (long) output goes to a log file, whose tail is shown on failure. */
final class NodeTools {
    static final int MIN_NODE_MAJOR = 20;

    private final Map<String, String> env;

    NodeTools(Map<String, String> env) {
        this.env = withLocalHeaders(env, System.getenv());
    }

    /**
     * Points node-gyp at the headers of the installed Node.js ({@code <prefix>/include/node},
     * which Debian's nodejs and the official tarballs ship) unless npm is told otherwise.
     * Without it node-gyp downloads them from nodejs.org to compile the SQLite drivers, which
     * fails on machines that reach only the npm registry. {@code overrides} are added to the
     * {@code inherited} process environment when commands run.
     */
    static Map<String, String> withLocalHeaders(Map<String, String> overrides, Map<String, String> inherited) {
        Map<String, String> effective = new java.util.HashMap<>(inherited);
        effective.putAll(overrides);
        Map<String, String> out = new java.util.HashMap<>(overrides);
        boolean configured = effective.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("npm_config_nodedir"));
        if (!configured) {
            nodePrefix(effective.getOrDefault("PATH", "")).ifPresent(prefix -> out.put("npm_config_nodedir", prefix.toString()));
        }
        return Map.copyOf(out);
    }

    static java.util.Optional<Path> nodePrefix(String path) {
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path node = Path.of(dir, "node");
            if (Files.isExecutable(node)) {
                try {
                    Path prefix = node.toRealPath().getParent().getParent();
                    return Files.isRegularFile(prefix.resolve("include/node/common.gypi"))
                            ? java.util.Optional.of(prefix) : java.util.Optional.empty();
                } catch (IOException | NullPointerException e) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Node.js {@value #MIN_NODE_MAJOR}+ and npm on PATH, as upstream's UI requires. */
    Result<String> check() {
        Exec.Output node = new Exec(null, env).run(List.of("node", "--version"));
        Exec.Output npm = new Exec(null, env).run(List.of("npm", "--version"));
        if (!node.ok() || !npm.ok()) {
            return Result.err(Failure.environment("node and npm are needed to build the web UI",
                    "install Node.js " + MIN_NODE_MAJOR + " or newer with npm"));
        }
        String version = node.stdout().strip();
        int major = parseMajor(version);
        if (major < MIN_NODE_MAJOR) {
            return Result.err(Failure.environment("Node.js " + version + " is too old for the web UI",
                    "install Node.js " + MIN_NODE_MAJOR + " or newer"));
        }
        return Result.ok(version);
    }

    static int parseMajor(String version) {
        String digits = version.startsWith("v") ? version.substring(1) : version;
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Runs {@code command} in {@code dir}, appending its output to {@code log}. */
    Result<Void> run(String what, Path dir, List<String> command, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            int code = pb.start().waitFor();
            if (code == 0) {
                return Result.ok(null);
            }
            return Result.err(Failure.environment(what + " failed (exit " + code + ")", "see the log: " + log)
                    .withDetail(tail(log, 15)));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot run " + command.get(0) + ": " + e.getMessage(),
                    "install Node.js " + MIN_NODE_MAJOR + " or newer with npm"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.err(Failure.environment(what + " was interrupted", null));
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
