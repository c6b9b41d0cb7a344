package dev.ltx2.orchestrator.pyenv;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reader of a verb's stdout: decodes each line ({@link ToolEvent#decode}), hands every event
 * to the caller's listener as it comes, and keeps the first terminal one, from which
 * {@link #outcome} makes the typed answer once the process has ended. Pure, so its rules are
 * tested on fake output.
 */
final class ToolEvents implements Consumer<String> {
    static final int DETAIL_LINES = 20;

    private final String verb;
    private final Consumer<ToolEvent> listener;
    private volatile ToolEvent terminal;

    ToolEvents(String verb, Consumer<ToolEvent> listener) {
        this.verb = verb;
        this.listener = listener;
    }

    @Override
    public void accept(String line) {
        if (line.isBlank()) {
            return;
        }
        ToolEvent event = ToolEvent.decode(line);
        if (event.terminal()) {
            if (terminal != null) {
                return; // the first answer stands; the door sends one
            }
            terminal = event;
        }
        listener.accept(event);
    }

    /**
     * The answer: the verb's {@code result}, else a failure saying what the tool said ({@code failed}:
     * its error, with the traceback as detail) or, when it ended without a word (killed, a crash in
     * native code), its exit status and the end of its stderr.
     */
    Result<ToolResult> outcome(int exitCode, String stderr) {
        String door = "python -m ltx2_tools " + verb;
        if (terminal instanceof ToolEvent.Done done) {
            return Result.ok(new ToolResult(done.verb(), done.exitCode(), done.value(), stderr));
        }
        if (terminal instanceof ToolEvent.Failed failed) {
            String detail = failed.traceback().isBlank() ? tail(stderr) : tail(failed.traceback());
            return Result.err(Failure.environment(door + " failed: " + failed.error(), null).withDetail(detail));
        }
        if (exitCode == ExitCode.INTERRUPTED.code()) {
            return Result.err(new Failure(ExitCode.INTERRUPTED, door + " was interrupted", Optional.empty(),
                    Optional.of(tail(stderr))));
        }
        return Result.err(Failure.environment(door + " ended with exit code " + exitCode
                + (exitCode > 128 ? " (signal " + (exitCode - 128) + ")" : "") + " before answering", null)
                .withDetail(tail(stderr)));
    }

    static String tail(String text) {
        String[] lines = text.strip().split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - DETAIL_LINES), lines.length));
    }
}
