package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.ForkState;
import dev.ltx2.orchestrator.ui.UiPaths;
import dev.ltx2.orchestrator.ui.UiPreparer;
import dev.ltx2.orchestrator.ui.UiServer;
import java.io.File;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator ui}: builds the patched fork's web UI (npm registry only; installs and
 * builds are cached) and starts it on a local port, in the foreground.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = "Build the patched ai-toolkit web UI and start it on a local port (docs/ui.md).")
public final class UiCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8675",
            description = "Port to serve the UI on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--build-only",
            description = "Install, build and prepare the database, then exit without starting the UI.")
    boolean buildOnly;

    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        if (port < 1 || port > 65535) {
            console.err().println("error: --port must be between 1 and 65535, not " + port);
            console.err().flush();
            return ExitCode.USER_ERROR.code();
        }
        Workspace ws = new Workspace(cache.layout(), console);
        Result<ForkState> fork = ws.ensureFork(upstream.upstream);
        if (fork instanceof Result.Err<ForkState> err) {
            return console.fail(err.failure());
        }
        UiPaths paths = UiPaths.of(ws.layout().cache(), ((Result.Ok<ForkState>) fork).value().dir());
        Map<String, String> env = trainerEnv(ws);
        Result<UiPaths> ready = new UiPreparer(paths, env, console).prepare();
        if (ready instanceof Result.Err<UiPaths> err) {
            return console.fail(err.failure());
        }
        if (buildOnly) {
            console.info("web UI ready: " + paths.app() + " (start it with: orchestrator ui --port " + port + ")");
            return ExitCode.OK.code();
        }
        console.info("starting the web UI on http://localhost:" + port + " (Ctrl-C stops it); data in " + paths.state());
        Result<Integer> ran = new UiServer(paths, env).run(port);
        if (ran instanceof Result.Err<Integer> err) {
            return console.fail(err.failure());
        }
        return ((Result.Ok<Integer>) ran).value();
    }

    /** Jobs the UI starts run the fork's run.py with python3 from PATH (the launcher puts the venv
     * first); the patches' logic lives in our Python package, so it goes on PYTHONPATH. */
    private static Map<String, String> trainerEnv(Workspace ws) {
        String existing = System.getenv("PYTHONPATH");
        String source = ws.layout().pythonSource().toString();
        return Map.of("PYTHONPATH", existing == null || existing.isBlank() ? source : source + File.pathSeparator + existing);
    }
}
