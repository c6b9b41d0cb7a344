package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.BuildInfo;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.pyenv.EnvironmentReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator env check}: versions, and a hard failure on a Jep jar/native mismatch. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Print torch/CUDA/diffusers/Jep versions; fail if the Jep jar and native library differ.")
public final class EnvCheckCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<EnvironmentReport> probed = EnvironmentReport.probe(ws.pythonEnv(), BuildInfo.jepVersion());
        if (probed instanceof Result.Err<EnvironmentReport> err) {
            return console.fail(err.failure());
        }
        EnvironmentReport report = ((Result.Ok<EnvironmentReport>) probed).value();
        console.info("venv: " + ws.pythonEnv().venvDir());
        report.versions().forEach((k, v) -> console.info(String.format("  %-18s %s", k, v)));
        console.info(String.format("  %-18s %s", "jep (jar)", report.jepJar()));
        if (!report.jepMatches()) {
            return console.fail(Failure.environment("Jep jar " + report.jepJar() + " and native library "
                    + report.jepNative() + " differ; mixing them crashes or hangs the JVM", "run: orchestrator env create"));
        }
        if (!"ok".equals(report.versions().get("ltx2_classes"))) {
            return console.fail(Failure.environment("diffusers lacks LTX-2 classes: " + report.versions().get("ltx2_classes"),
                    "run: orchestrator env create"));
        }
        return 0;
    }
}
