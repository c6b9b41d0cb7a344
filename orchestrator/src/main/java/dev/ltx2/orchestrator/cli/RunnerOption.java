package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.BuildInfo;
import dev.ltx2.orchestrator.runner.JepRunner;
import dev.ltx2.orchestrator.runner.SubprocessRunner;
import dev.ltx2.orchestrator.runner.TrainerRunner;
import picocli.CommandLine.Option;

/**
 * {@code --runner auto|jep|subprocess}. {@code auto} (default) trains in a child process on CUDA and
 * in-process elsewhere: on an H200 the same full-size step ran 4.5% slower in-process through Jep
 * than in a plain Python process (ratio of medians 1.045, 95% CI 1.016-1.082, three alternating
 * processes each, docs/benchmarks.md), above the 1% the runner may cost; on the CPU the in-process
 * runner costs microseconds per step.
 */
public final class RunnerOption {
    public enum Kind { auto, jep, subprocess }

    @Option(names = "--runner", paramLabel = "KIND", defaultValue = "auto",
            description = "auto (default): a child Python process when the job trains on CUDA, else inside this JVM; "
                    + "jep: inside this JVM; subprocess: a child Python process.")
    Kind kind;

    public TrainerRunner create(String device) {
        return resolve(kind, device) == Kind.subprocess ? new SubprocessRunner() : new JepRunner(BuildInfo.jepVersion());
    }

    static Kind resolve(Kind kind, String device) {
        if (kind != Kind.auto) {
            return kind;
        }
        return device.startsWith("cuda") ? Kind.subprocess : Kind.jep;
    }
}
