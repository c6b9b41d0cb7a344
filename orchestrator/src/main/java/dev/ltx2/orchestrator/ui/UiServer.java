package dev.ltx2.orchestrator.ui;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the built UI as upstream's {@code npm run start} does (its cron worker and its file
 * server, which serves Next.js behind it) but on the port asked for, in the foreground.
 * Stopping this process stops both.
 */
public final class UiServer {
    private final UiPaths paths;
    private final Map<String, String> env;

    public UiServer(UiPaths paths, Map<String, String> env) {
        this.paths = paths;
        this.env = Map.copyOf(env);
    }

    static List<String> command(UiPaths paths, int port) {
        return List.of(paths.app().resolve("node_modules/.bin/concurrently").toString(),
                "--kill-others", "--names", "WORKER,UI",
                "node dist/cron/worker.js",
                "node dist/cron/fileServer.js start --port " + port);
    }

    /** Runs until the UI exits or this process is stopped; returns the UI's exit code. */
    public Result<Integer> run(int port) {
        if (!portFree(port)) {
            return Result.err(Failure.user("port " + port + " is in use", "stop what uses it or pass --port"));
        }
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command(paths, port)))
                .directory(paths.app().toFile())
                .inheritIO();
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot start the web UI: " + e.getMessage(), "run: orchestrator ui --build-only"));
        }
        Thread stopper = new Thread(() -> stop(process), "ui-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return Result.ok(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return Result.ok(130);
        }
    }

    /** concurrently forwards the signal, but its children may outlive it: end the whole tree. */
    static void stop(Process process) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
    }

    static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
