package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The git CLI with a fixed, reproducible environment. The CLI (not JGit) because the
 * series is applied with {@code git am} and checked with {@code git apply}, which JGit
 * lacks (docs/decisions.md).
 */
public final class Git {
    static final Map<String, String> ENV = Map.of(
            "LC_ALL", "C",
            "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_TERMINAL_PROMPT", "0",
            "GIT_AUTHOR_NAME", "ltx2-orchestrator",
            "GIT_AUTHOR_EMAIL", "orchestrator@ltx2.invalid",
            "GIT_COMMITTER_NAME", "ltx2-orchestrator",
            "GIT_COMMITTER_EMAIL", "orchestrator@ltx2.invalid");

    private final Exec exec;

    public Git(Path workDir) {
        this(new Exec(workDir, ENV));
    }

    private Git(Exec exec) {
        this.exec = exec;
    }

    public Exec.Output run(String... args) {
        return run(List.of(args), null);
    }

    public Exec.Output run(List<String> args, String stdin) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(args);
        return exec.run(cmd, stdin);
    }

    public Git in(Path dir) {
        return new Git(exec.in(dir));
    }

    /** The same repository with extra variables, e.g. {@code GIT_INDEX_FILE} for a scratch index. */
    public Git withEnv(Map<String, String> env) {
        return new Git(exec.withEnv(env));
    }
}
