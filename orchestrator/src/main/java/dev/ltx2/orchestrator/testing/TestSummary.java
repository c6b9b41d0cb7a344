package dev.ltx2.orchestrator.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code bin/test}'s closing table: every suite's passed/failed/skipped counts, then each
 * failure by its root cause and each skip with its reason (a skip is never counted as a pass).
 *
 * @param suites   one row per suite that has cases, sorted by name
 * @param failures "  SUITE: CLASS.NAME: ROOT CAUSE (reported as: MESSAGE)", in report order
 * @param skips    "  SUITE: CLASS.NAME: REASON", sorted, each once
 */
public record TestSummary(List<Row> suites, List<String> failures, List<String> skips) {

    public record Row(String suite, int passed, int failed, int skipped) {}

    public static TestSummary of(List<SuiteReport> reports) {
        Map<String, int[]> counts = new TreeMap<>();  // passed, failed, skipped
        List<String> failures = new ArrayList<>();
        TreeSet<String> skips = new TreeSet<>();
        for (SuiteReport report : reports) {
            for (JunitCase c : report.cases()) {
                int[] n = counts.computeIfAbsent(report.suite(), s -> new int[3]);
                String where = "  " + report.suite() + ": " + c.classname() + "." + c.name() + ": ";
                switch (c.outcome()) {
                    case PASSED -> n[0]++;
                    case FAILED -> {
                        n[1]++;
                        failures.add(where + RootCause.failureLine(c.reason(), c.trace()));
                    }
                    case SKIPPED -> {
                        n[2]++;
                        skips.add(where + c.reason());
                    }
                }
            }
        }
        List<Row> rows = counts.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        return new TestSummary(rows, List.copyOf(failures), List.copyOf(skips));
    }

    public boolean failed() {
        return suites.stream().anyMatch(r -> r.failed() > 0);
    }

    /** The table as printed, starting with an empty line to set it apart from the suites' output. */
    public String text() {
        StringBuilder out = new StringBuilder("\nsuite                              passed  failed  skipped\n");
        for (Row r : suites) {
            out.append(String.format(Locale.ROOT, "%-34s %6d  %6d  %7d\n", r.suite(), r.passed(), r.failed(), r.skipped()));
        }
        if (!failures.isEmpty()) {
            out.append("\nfailed (the report of each suite has the full output):\n");
            failures.forEach(f -> out.append(f).append('\n'));
        }
        if (!skips.isEmpty()) {
            out.append("\nskipped (never counted as passed):\n");
            skips.forEach(s -> out.append(s).append('\n'));
        }
        return out.toString();
    }
}
