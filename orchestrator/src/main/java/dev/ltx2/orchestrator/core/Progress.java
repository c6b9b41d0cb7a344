package dev.ltx2.orchestrator.core;

/**
 * Where a preparing step tells the user what it does. {@link #line} is a stage ("» cloning …");
 * {@link #status} is a state that changes while one stage runs (elapsed time, test counts):
 * on a terminal it rewrites one line in place, in a log it is a plain line, so a log shows
 * the same facts without control characters. Any lambda is a Progress that prints only lines.
 */
@FunctionalInterface
public interface Progress {
    Progress SILENT = message -> { };

    void line(String message);

    default void status(String message) {
        line(message);
    }

    /** Whether {@link #status} rewrites one line on a terminal (so it may be called often). */
    default boolean live() {
        return false;
    }
}
