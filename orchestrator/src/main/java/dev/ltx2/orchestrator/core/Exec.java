package dev.ltx2.orchestrator.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Runs an external program (git, python, pip) and captures its output. */
public final class Exec {

    public record Output(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The last lines of stderr (or stdout when stderr is empty), for error reports. */
        public String tail(int lines) {
            String text = stderr.isBlank() ? stdout : stderr;
            String[] all = text.strip().split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
        }
    }

    private final Path workDir;
    private final Map<String, String> extraEnv;

    public Exec(Path workDir, Map<String, String> extraEnv) {
        this.workDir = workDir;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    public Exec(Path workDir) {
        this(workDir, Map.of());
    }

    public Exec withEnv(Map<String, String> env) {
        var merged = new java.util.HashMap<>(extraEnv);
        merged.putAll(env);
        return new Exec(workDir, merged);
    }

    public Exec in(Path dir) {
        return new Exec(dir, extraEnv);
    }

    /** {@code command} in this Exec's working directory with its extra environment. */
    private ProcessBuilder builder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().putAll(extraEnv);
        return pb;
    }

    /** Runs {@code command}; an unstartable program (not installed) gives exit code 127. */
    public Output run(List<String> command) {
        return run(command, null);
    }

    public Output run(List<String> command, String stdin) {
        ProcessBuilder pb = builder(command);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return new Output(127, "", "cannot start " + command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ignored) {
            // the program may exit without reading its input; its exit code tells the story
        }
        try {
            int code = process.waitFor();
            return new Output(code, out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return new Output(130, out.getNow(""), "interrupted");
        }
    }

    /**
     * Runs {@code command}, handing each line of its stdout to {@code onLine} as it comes (for
     * progress), and captures stdout and stderr as {@link #run} does.
     */
    public Output runStreaming(List<String> command, java.util.function.Consumer<String> onLine) {
        return runStreaming(command, null, onLine);
    }

    /**
     * As {@link #runStreaming(List, java.util.function.Consumer)}, with {@code stdin} written to
     * the program from another thread while its output is read: a program that answers while it
     * reads (the media probe) never blocks on a full pipe.
     */
    public Output runStreaming(List<String> command, String stdin, java.util.function.Consumer<String> onLine) {
        ProcessBuilder pb = builder(command);
        Process process;
        try {
            process = pb.start();
            if (stdin == null) {
                process.getOutputStream().close();
            }
        } catch (IOException e) {
            return new Output(127, "", "cannot start " + command.get(0) + ": " + e.getMessage());
        }
        if (stdin != null) {
            CompletableFuture.runAsync(() -> {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the program exited without reading all of it; its exit code and stderr tell why
                }
            });
        }
        // Ctrl-C ends the JVM, not the child: without this, pytest would run on for minutes unseen.
        Thread stopChild = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        StringBuilder out = new StringBuilder();
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                out.append(line).append('\n');
                onLine.accept(line);
            }
            return new Output(process.waitFor(), out.toString(), err.join());
        } catch (IOException e) {
            return new Output(process.isAlive() ? 1 : process.exitValue(), out.toString(), "reading the output failed: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return new Output(130, out.toString(), "interrupted");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing to remove
            }
        }
    }

    /** Runs {@code command} with this process's stdout/stderr, for long visible steps (pip). */
    public int runInherited(List<String> command) {
        ProcessBuilder pb = builder(command).inheritIO();
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
