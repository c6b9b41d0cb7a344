package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Progress;
import java.io.PrintWriter;

/**
 * One place that prints progress and failures and maps failures to exit codes. Progress goes
 * to stderr; a {@link #status} is a live line on a terminal and a plain line otherwise. The
 * launcher says whether stderr is a terminal ({@code -Dorchestrator.tty=true}): Java itself
 * cannot tell for stderr alone.
 */
public final class Console implements Progress {
    static final String TTY_PROPERTY = "orchestrator.tty";
    static final String COLUMNS_PROPERTY = "orchestrator.columns";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final int columns;
    private boolean statusShown;

    public Console(PrintWriter out, PrintWriter err) {
        this(out, err, Boolean.getBoolean(TTY_PROPERTY) && !"dumb".equals(System.getenv("TERM")),
                Integer.getInteger(COLUMNS_PROPERTY, 80));
    }

    /** @param columns the terminal's width: a live line that wrapped could not be rewritten in place */
    Console(PrintWriter out, PrintWriter err, boolean terminal, int columns) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.columns = Math.max(20, columns);
    }

    public synchronized void info(String message) {
        clearStatus();
        out.println(message);
        out.flush();
    }

    public synchronized void progress(String message) {
        clearStatus();
        err.println("» " + message);
        err.flush();
    }

    @Override
    public void line(String message) {
        progress(message);
    }

    @Override
    public synchronized void status(String message) {
        if (!terminal) {
            progress(message);
            return;
        }
        String line = "» " + message;
        err.print("\r\033[K" + (line.length() < columns ? line : line.substring(0, columns - 2) + "…"));
        err.flush();
        statusShown = true;
    }

    @Override
    public boolean live() {
        return terminal;
    }

    public synchronized int fail(Failure failure) {
        clearStatus();
        err.println("error: " + failure.message());
        failure.fix().ifPresent(fix -> err.println("  fix: " + fix));
        failure.detail().ifPresent(detail -> err.println(detail.indent(4).stripTrailing()));
        err.flush();
        return failure.exitCode().code();
    }

    public PrintWriter out() {
        clearStatus();
        return out;
    }

    public PrintWriter err() {
        clearStatus();
        return err;
    }

    private synchronized void clearStatus() {
        if (statusShown) {
            err.print("\r\033[K");
            err.flush();
            statusShown = false;
        }
    }
}
