package dev.ltx2.orchestrator.runner;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the patched ai-toolkit trainer. {@link JepRunner} (in-process, the default) and
 * {@link SubprocessRunner} (crash isolation) deliver the same events and honour the same
 * stop flag, which the trainer polls at every step end.
 */
public interface TrainerRunner {
    RunOutcome run(TrainingRequest request, Consumer<TrainingEvent> listener, AtomicBoolean stop);

    /** Short name shown to the user and accepted by {@code --runner}. */
    String name();
}
