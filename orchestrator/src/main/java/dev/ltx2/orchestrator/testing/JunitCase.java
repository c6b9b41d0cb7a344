package dev.ltx2.orchestrator.testing;

import dev.ltx2.orchestrator.core.JunitReport.Outcome;

/**
 * One {@code <testcase>} of a JUnit XML report. {@code message} and {@code trace} are its
 * {@code <failure>}/{@code <error>}/{@code <skipped>}'s message attribute and text (empty for
 * a pass, and where the report gives none).
 */
public record JunitCase(String classname, String name, Outcome outcome, String message, String trace) {

    /** The message, else the first line of the text: the reason a skip or failure gives. */
    public String reason() {
        String given = message.isBlank() ? trace.strip() : message;
        return given.strip().lines().findFirst().orElse("no reason given");
    }
}
