package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Failure;
import java.io.PrintWriter;

/** One place that prints failures and maps them to exit codes. */
public final class Console {
    private final PrintWriter out;
    private final PrintWriter err;

    public Console(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public void info(String message) {
        out.println(message);
        out.flush();
    }

    public void progress(String message) {
        err.println("» " + message);
        err.flush();
    }

    public int fail(Failure failure) {
        err.println("error: " + failure.message());
        failure.fix().ifPresent(fix -> err.println("  fix: " + fix));
        failure.detail().ifPresent(detail -> err.println(detail.indent(4).stripTrailing()));
        err.flush();
        return failure.exitCode().code();
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }
}
