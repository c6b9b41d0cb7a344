package dev.ltx2.orchestrator.pyenv;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Progress;
import dev.ltx2.orchestrator.core.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one door from Java to the tooling package: {@code python -m ltx2_tools VERB ARGS} in the
 * venv ({@code ltx2_tools/door.py}). Every verb answers in the training bridge's JSON-lines
 * protocol, read here by one reader ({@link ToolEvents}): events go to the caller's listener as
 * they come (progress, printed lines, streamed items), and the verb's {@code result} comes back
 * typed, or its {@code failed} as a {@link Failure}. The training itself has its own door
 * ({@code runner/}), because it needs a stop signal and a log file of its own.
 */
public final class ToolDoor {
    static final String MODULE = "ltx2_tools";

    private final PythonEnv env;

    public ToolDoor(PythonEnv env) {
        this.env = env;
    }

    static List<String> command(Path python, String verb, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(python.toString(), "-m", MODULE, verb));
        cmd.addAll(args);
        return cmd;
    }

    public Result<ToolResult> call(String verb, List<String> args, Consumer<ToolEvent> listener) {
        return call(verb, args, null, listener);
    }

    /** {@code stdin}, when not null, is written to the verb while its events are read (the media probe's paths). */
    public Result<ToolResult> call(String verb, List<String> args, String stdin, Consumer<ToolEvent> listener) {
        ToolEvents reader = new ToolEvents(verb, listener);
        Exec.Output out = new Exec(null, env.childEnvironment()).runStreaming(command(env.python(), verb, args), stdin, reader);
        return reader.outcome(out.exitCode(), out.stderr());
    }

    /** A listener that shows the verb's progress messages as lines of {@code progress}, and nothing else. */
    public static Consumer<ToolEvent> showing(Progress progress) {
        return event -> {
            if (event instanceof ToolEvent.Progress p) {
                progress.line(p.message());
            }
        };
    }

    /**
     * The caller's own words for a failed call (what it was for, and the fix), keeping the door's
     * (what the tool said) as the detail.
     */
    public static Failure explained(Failure door, String message, String fix) {
        String detail = door.message() + door.detail().map(d -> "\n" + d).orElse("");
        return new Failure(door.exitCode(), message, java.util.Optional.ofNullable(fix), java.util.Optional.of(detail));
    }
}
