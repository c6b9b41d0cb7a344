package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.ForkState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator fork apply}: clone, check out the pin, apply {@code patches/series}. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Clone the upstream source into the cache, check out the pin and apply patches/series. "
                + "Idempotent; a patch that fails leaves the previous fork untouched.")
public final class ForkApplyCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<ForkState> fork = ws.ensureFork(upstream.upstream);
        if (fork instanceof Result.Err<ForkState> err) {
            return console.fail(err.failure());
        }
        ForkState state = ((Result.Ok<ForkState>) fork).value();
        console.info((state.changed() ? "fork ready: " : "fork up to date: ") + state.dir()
                + " (" + state.commit().substring(0, 8) + " + patches/series)");
        if (!state.excludedPaths().isEmpty()) {
            console.info("left out (absent from the upstream source, not needed for LTX-2): " + String.join(", ", state.excludedPaths()));
        }
        return 0;
    }
}
