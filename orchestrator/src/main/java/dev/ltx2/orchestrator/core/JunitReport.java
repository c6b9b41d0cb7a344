package dev.ltx2.orchestrator.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A JUnit XML report of verdicts that are not JUnit tests (SOP items, checklist items), so
 * that {@code bin/test}'s summary table counts them with every other suite.
 */
public final class JunitReport {
    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** One verdict; {@code message} is the failure or skip reason (ignored for a pass). */
    public record Case(String name, Outcome outcome, String message) {}

    private JunitReport() {}

    public static String xml(String suite, List<Case> cases) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failed = cases.stream().filter(c -> c.outcome() == Outcome.FAILED).count();
        long skipped = cases.stream().filter(c -> c.outcome() == Outcome.SKIPPED).count();
        out.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failed).append("\" skipped=\"").append(skipped).append("\">\n");
        for (Case c : cases) {
            out.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(c.name())).append('"');
            switch (c.outcome()) {
                case PASSED -> out.append("/>\n");
                case FAILED -> out.append("><failure message=\"").append(escape(c.message())).append("\"/></testcase>\n");
                case SKIPPED -> out.append("><skipped message=\"").append(escape(c.message())).append("\"/></testcase>\n");
            }
        }
        return out.append("</testsuite>\n").toString();
    }

    public static void write(Path file, String suite, List<Case> cases) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        Files.writeString(file, xml(suite, cases));
    }

    private static String escape(String s) {
        return (s == null ? "" : s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("\n", " ");
    }
}
