package dev.ltx2.orchestrator.runner;

import java.util.function.Consumer;

/** Forwards events and remembers the terminal one, so both runners derive outcomes alike. */
final class OutcomeCollector implements Consumer<TrainingEvent> {
    private final Consumer<TrainingEvent> listener;
    private volatile RunOutcome outcome;
    private volatile int lastStep;

    OutcomeCollector(Consumer<TrainingEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            lastStep = s.step();
        } else if (event instanceof TrainingEvent.Finished f) {
            outcome = new RunOutcome.Completed(f.step());
        } else if (event instanceof TrainingEvent.Stopped s) {
            outcome = new RunOutcome.Stopped(s.step(), s.checkpoint());
        } else if (event instanceof TrainingEvent.Failed f) {
            outcome = new RunOutcome.Failed(f.error(), f.traceback());
        }
        listener.accept(event);
    }

    /** The terminal event's outcome, or a failure naming {@code why} if none arrived. */
    RunOutcome outcomeOr(String why) {
        RunOutcome o = outcome;
        return o != null ? o : new RunOutcome.Failed(why, "last step reported: " + lastStep);
    }
}
