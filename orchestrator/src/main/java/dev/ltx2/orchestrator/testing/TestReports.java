package dev.ltx2.orchestrator.testing;

import dev.ltx2.orchestrator.core.JunitReport.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The report files {@code bin/test} collects, read and named as the summary's suites. */
public final class TestReports {
    /** The reports {@code bin/test} writes itself, by file name. */
    private static final Map<String, String> OWN = Map.of(
            "python.xml", "python (pytest)",
            "ui.xml", "web UI (browser)",
            "fork-verify.xml", "fork verify (SOP A-Z)",
            "checklist.xml", "checklist (SOP section 8)");

    private TestReports() {}

    /**
     * Every report under the given paths: a file is itself, a directory gives its
     * {@code TEST-*.xml} (surefire's and failsafe's, sorted), and a path that does not exist
     * gives nothing (a module without integration tests has no failsafe-reports).
     */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> listed = Files.list(p)) {
                    listed.filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith("TEST-") && name.endsWith(".xml") && Files.isRegularFile(f);
                    }).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        return files;
    }

    /** Every report read; one that cannot be read is one failed case, so it is never lost from the table. */
    public static List<SuiteReport> read(List<Path> paths) throws IOException {
        List<SuiteReport> reports = new ArrayList<>();
        for (Path file : files(paths)) {
            List<JunitCase> cases;
            try {
                cases = JunitXml.read(file);
            } catch (IOException e) {
                cases = List.of(new JunitCase(file.toString(), "report", Outcome.FAILED,
                        "not a readable JUnit XML report: " + e.getMessage(), ""));
            }
            reports.add(new SuiteReport(suiteName(file), cases));
        }
        return reports;
    }

    /** bin/test's own reports by name; a Maven module's by its module and plugin: "orchestrator (unit)". */
    static String suiteName(Path file) {
        String own = OWN.get(file.getFileName().toString());
        if (own != null) return own;
        Path dir = file.toAbsolutePath().normalize().getParent();  // MODULE/target/surefire-reports
        String kind = name(dir).equals("failsafe-reports") ? "integration" : "unit";
        Path module = dir == null || dir.getParent() == null ? null : dir.getParent().getParent();
        return name(module) + " (" + kind + ")";
    }

    private static String name(Path p) {
        return p == null || p.getFileName() == null ? "" : p.getFileName().toString();
    }
}
