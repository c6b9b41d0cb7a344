package dev.ltx2.orchestrator.runner;

/** How a training run ended, as seen by the runner. */
public sealed interface RunOutcome {
    record Completed(int step) implements RunOutcome {}

    record Stopped(int step, String checkpoint) implements RunOutcome {}

    /** {@code traceback} is the Python traceback when Python raised, else a diagnostic. */
    record Failed(String error, String traceback) implements RunOutcome {}
}
