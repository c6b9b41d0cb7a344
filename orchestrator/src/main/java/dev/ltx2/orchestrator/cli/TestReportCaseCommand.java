package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.JunitReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code orchestrator test-report case --suite NAME (--skipped|--failed) REASON --out FILE}:
 * the report of a suite that did not run, so the table shows it, with its reason, instead of
 * leaving it out.
 */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Write a JUnit XML report of one case: a suite that did not run, skipped or failed, with the reason.")
public final class TestReportCaseCommand implements Callable<Integer> {
    @Option(names = "--suite", required = true, paramLabel = "NAME", description = "The suite's name, e.g. ui.")
    String suite;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    static final class Verdict {
        @Option(names = "--skipped", paramLabel = "REASON", description = "It could not run on this machine.")
        String skipped;

        @Option(names = "--failed", paramLabel = "REASON", description = "It could not run because something is broken.")
        String failed;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report to write (replaced).")
    Path out;

    @Override
    public Integer call() throws IOException {
        JunitReport.Case one = verdict.skipped != null
                ? new JunitReport.Case("suite", JunitReport.Outcome.SKIPPED, verdict.skipped)
                : new JunitReport.Case("suite", JunitReport.Outcome.FAILED, verdict.failed);
        JunitReport.write(out, suite, List.of(one));
        return 0;
    }
}
