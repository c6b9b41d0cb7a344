package dev.ltx2.orchestrator.train;

import dev.ltx2.orchestrator.core.ExitCode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Turns SIGINT/SIGTERM into a cooperative stop. The JVM's own handlers would start
 * shutdown while Python holds the GIL, which deadlocks at exit (docs/decisions.md,
 * "In-process Jep is the default runner"); ours only set the flag the trainer polls at each
 * step end, and remember which signal came so the exit code can say so (130 or 143).
 */
public final class StopSignals {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<ExitCode> reason = new AtomicReference<>();

    public static StopSignals install(Runnable onFirstSignal) {
        StopSignals s = new StopSignals();
        handle(s, "INT", ExitCode.INTERRUPTED, onFirstSignal);
        handle(s, "TERM", ExitCode.TERMINATED, onFirstSignal);
        return s;
    }

    private static void handle(StopSignals s, String name, ExitCode code, Runnable onFirstSignal) {
        Signal.handle(new Signal(name), sig -> {
            if (s.reason.compareAndSet(null, code)) {
                s.stop.set(true);
                onFirstSignal.run();
            }
        });
    }

    public AtomicBoolean flag() {
        return stop;
    }

    /** The exit code for the signal that stopped us, or null if none came. */
    public ExitCode reason() {
        return reason.get();
    }
}
