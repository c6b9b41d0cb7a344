package dev.ltx2.orchestrator.runner;

import java.util.function.Consumer;

/** Forwards events and remembers the terminal one, so both runners derive outcomes alike. */
final class OutcomeCollector implements Consumer<TrainingEvent> {
    private final Consumer<TrainingEvent> listener;
    private volatile RunOutcome outcome;
    private volatile int lastStep;
    private volatile TrainingEvent.Saved lastSaved;
    private volatile TrainingEvent.RankFailed firstDeadRank;

    OutcomeCollector(Consumer<TrainingEvent> listener) {
        this.listener = listener;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            lastStep = s.step();
        } else if (event instanceof TrainingEvent.Saved s) {
            lastSaved = s;
        } else if (event instanceof TrainingEvent.RankFailed dead) {
            outcome = rankFailure(dead);
        } else if (event instanceof TrainingEvent.Finished f) {
            outcome = new RunOutcome.Completed(f.step());
        } else if (event instanceof TrainingEvent.Stopped s) {
            outcome = new RunOutcome.Stopped(s.step(), s.checkpoint());
        } else if (event instanceof TrainingEvent.Failed f) {
            outcome = new RunOutcome.Failed(f.error(), f.traceback());
        }
        listener.accept(event);
    }

    /**
     * The first rank to die is the cause (the launcher lists it first; the others were stopped
     * because of it), unless rank 0 already reported a Python failure of its own.
     */
    private RunOutcome rankFailure(TrainingEvent.RankFailed dead) {
        RunOutcome reported = outcome;
        if (firstDeadRank != null || (dead.rank() == 0 && reported instanceof RunOutcome.Failed)) {
            return reported;
        }
        firstDeadRank = dead;
        String how = dead.exitCode() < 0 ? "was killed by signal " + -dead.exitCode() : "exited with code " + dead.exitCode();
        TrainingEvent.Saved saved = lastSaved;
        String checkpoint = saved == null ? "no checkpoint was written in this run"
                : "the last complete checkpoint is " + saved.path() + " (step " + saved.step() + ")";
        String traceback = reported instanceof RunOutcome.Failed f ? f.traceback() : "";
        return new RunOutcome.Failed("rank " + dead.rank() + " " + how + ", so the job stopped all ranks; " + checkpoint
                + ". Run the same command to resume" + (dead.rank() > 0 ? " (that rank's output: trainer.log.rank"
                + dead.rank() + ")" : "") + ".", traceback);
    }

    /** The terminal event's outcome, or a failure naming {@code why} if none arrived. */
    RunOutcome outcomeOr(String why) {
        RunOutcome o = outcome;
        return o != null ? o : new RunOutcome.Failed(why, "last step reported: " + lastStep);
    }
}
