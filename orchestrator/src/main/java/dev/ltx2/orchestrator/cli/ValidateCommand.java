package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.schema.ValidationReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator validate CONFIG [--json]}: every mistake in a job config, before any GPU time. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an ai-toolkit job config for LTX-2: keys, types, bounds, LTX-2 rules and paths. "
                + "Exit 0 when valid (warnings allowed), 1 when not.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "ai-toolkit job config (YAML or JSON).")
    Path config;

    @Mixin CacheOption cache;
    @Mixin JsonOption json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ValidationReport report = JobValidation.validate(config, cache.layout());
        if (json.enabled()) {
            JobValidation.printJson(report, out);
        } else {
            JobValidation.printHuman(report.diagnostics(), out);
            out.println(JobValidation.summary(report));
        }
        out.flush();
        return report.valid() ? ExitCode.OK.code() : ExitCode.USER_ERROR.code();
    }
}
