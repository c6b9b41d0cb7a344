package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.BuildInfo;
import dev.ltx2.orchestrator.runner.JepRunner;
import dev.ltx2.orchestrator.runner.SubprocessRunner;
import dev.ltx2.orchestrator.runner.TrainerRunner;
import picocli.CommandLine.Option;

/** {@code --runner jep|subprocess}: in-process (default) or isolated child process. */
public final class RunnerOption {
    public enum Kind { jep, subprocess }

    @Option(names = "--runner", paramLabel = "KIND", defaultValue = "jep",
            description = "jep: train inside this JVM (default); subprocess: a child Python process, for crash isolation.")
    Kind kind;

    public TrainerRunner create() {
        return kind == Kind.subprocess ? new SubprocessRunner() : new JepRunner(BuildInfo.jepVersion());
    }
}
