package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.ForkBase;
import dev.ltx2.orchestrator.fork.ForkState;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code orchestrator fork base}: the commit the series applies on, for scripts that rebuild the bare pin. */
@Command(name = "base", mixinStandardHelpOptions = true,
        description = "Print the commit the patch series applies on (the pin, minus files the upstream source "
                + "lacked), building the fork first if needed.")
public final class ForkBaseCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<ForkState> fork = ws.ensureFork(upstream.upstream);
        if (fork instanceof Result.Err<ForkState> e) return console.fail(e.failure());
        spec.commandLine().getOut().println(ForkBase.of(((Result.Ok<ForkState>) fork).value()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
