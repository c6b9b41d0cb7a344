package dev.ltx2.orchestrator.core;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A step that can take minutes (pip, the UI build, the fork's tests): its stage line, then a
 * status with the elapsed time and the latest detail, so no wait is silent. On a terminal the
 * status is one live line refreshed every second; in a log a plain line comes with every new
 * detail, and at least every {@link #LOG_INTERVAL} while nothing happens.
 */
public final class TimedStep implements AutoCloseable {
    static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final Progress progress;
    private final String what;
    private final long startNanos = System.nanoTime();
    private final long logIntervalNanos;
    private final ScheduledExecutorService ticker;
    private String detail = "";
    private long lastShownNanos = startNanos;
    private boolean closed;

    private TimedStep(Progress progress, String what, String note, Duration logInterval) {
        this.progress = progress;
        this.what = what;
        this.logIntervalNanos = logInterval.toNanos();
        progress.line(note.isEmpty() ? what : what + " (" + note + ")");
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timed-step");
            t.setDaemon(true);
            return t;
        });
        long tickMillis = Math.min(1000, logInterval.toMillis());
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * @param what short, as it leads every status line ("installing 183 packages")
     * @param note said once at the start: how long it usually takes, where the log is
     */
    public static TimedStep start(Progress progress, String what, String note) {
        return new TimedStep(progress, what, note, LOG_INTERVAL);
    }

    static TimedStep start(Progress progress, String what, Duration logInterval) {
        return new TimedStep(progress, what, "", logInterval);
    }

    /** A new detail (e.g. "12/143 tests, 11 passed, 1 failed"), shown at once with the elapsed time. */
    public synchronized void update(String detail) {
        this.detail = detail;
        if (!closed) {
            show();
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private synchronized void tick() {
        if (!closed && (progress.live() || System.nanoTime() - lastShownNanos >= logIntervalNanos)) {
            show();
        }
    }

    private void show() {
        lastShownNanos = System.nanoTime();
        progress.status(what + ": " + (detail.isEmpty() ? "" : detail + ", ") + format(elapsed()));
    }

    /** Ends the status with one plain line: what ran, its last detail and how long it took. */
    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            closed = true;
            progress.line(what + ": " + (detail.isEmpty() ? "" : detail + ", ") + "took " + format(elapsed()));
        }
    }

    /** {@code 7s}, {@code 2m05s}, {@code 1h02m}. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
