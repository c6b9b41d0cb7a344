package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.pyenv.EnvironmentBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator env create}: the venv from the lock file, plus Jep built to match the jar. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create the venv from python-env/requirements/lock.txt and build Jep into it. Idempotent.")
public final class EnvCreateCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin PythonOption python;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<EnvironmentBuilder.Created> created = ws.ensureEnv(python.python);
        if (created instanceof Result.Err<EnvironmentBuilder.Created> err) {
            return console.fail(err.failure());
        }
        var value = ((Result.Ok<EnvironmentBuilder.Created>) created).value();
        console.info((value.changed() ? "venv ready: " : "venv up to date: ") + value.env().venvDir());
        return 0;
    }
}
