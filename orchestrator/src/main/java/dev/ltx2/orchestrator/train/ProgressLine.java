package dev.ltx2.orchestrator.train;

import dev.ltx2.orchestrator.runner.TrainingEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/** The live console line: step/total, losses, learning rate, speed and ETA. */
public final class ProgressLine implements Consumer<TrainingEvent> {
    private final PrintStream out;
    private final boolean interactive;
    private double smoothedSeconds = -1;
    private boolean open;

    public ProgressLine(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            smoothedSeconds = smoothedSeconds < 0 ? s.seconds() : 0.8 * smoothedSeconds + 0.2 * s.seconds();
            String line = format(s, smoothedSeconds);
            if (interactive) {
                out.print("\r" + line + "\u001b[K");
                open = true;
            } else {
                out.println(line);
            }
        } else {
            endLine();
            if (event instanceof TrainingEvent.Started st) {
                out.printf("training %s: step %d of %d%n", st.outputDir(), st.startStep(), st.totalSteps());
            } else if (event instanceof TrainingEvent.Saved sv) {
                out.printf("checkpoint at step %d: %s%n", sv.step(), sv.path());
            } else if (event instanceof TrainingEvent.Notice n) {
                out.println("warning: " + n.message());
            } else if (event instanceof TrainingEvent.Voice v) {
                out.println(v.line());
                v.warnings().forEach(w -> out.printf("warning: %s%n  fix: %s%n", w.message(), w.fix()));
            }
        }
        out.flush();
    }

    public void endLine() {
        if (open) {
            out.println();
            open = false;
        }
    }

    static String format(TrainingEvent.Step s, double secondsPerStep) {
        long remaining = Math.max(0, s.totalSteps() - s.step());
        Duration eta = Duration.ofMillis((long) (remaining * secondsPerStep * 1000));
        return String.format(Locale.ROOT, "step %d/%d | video %s | audio %s | lr %s | %.2f s/step | ETA %s",
                s.step(), s.totalSteps(), value(s.videoLoss(), "%.4f"), value(s.audioLoss(), "%.4f"),
                value(s.lr(), "%.1e"), secondsPerStep, clock(eta));
    }

    private static String value(OptionalDouble v, String format) {
        return v.isPresent() ? String.format(Locale.ROOT, format, v.getAsDouble()) : "-";
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
