package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.testing.TestReports;
import dev.ltx2.orchestrator.testing.TestSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator test-report summary PATH...}: the table that ends {@code bin/test}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Print one table of every suite's passed/failed/skipped counts, each failure by the innermost "
                + "exception of its chain (Java or Python) and each skip with its reason.",
                "Exit 1 when any case failed (an unreadable report is a failed case), else 0."})
public final class TestReportSummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Report files, or directories of TEST-*.xml (surefire-reports, failsafe-reports); "
                    + "a path that does not exist is left out.")
    List<Path> paths = new ArrayList<>();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TestSummary summary = TestSummary.of(TestReports.read(paths));
        spec.commandLine().getOut().print(summary.text());
        spec.commandLine().getOut().flush();
        return summary.failed() ? 1 : 0;
    }
}
