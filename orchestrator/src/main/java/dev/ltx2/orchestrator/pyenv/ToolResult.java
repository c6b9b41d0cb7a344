package dev.ltx2.orchestrator.pyenv;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a verb of {@code python -m ltx2_tools} answered: its exit status (the module main's, e.g.
 * the voice lab's 1 when an arm failed) and its typed payload as JSON, which the caller binds;
 * {@code stderr} is everything else the process wrote (warnings, a trainer's output), for logs.
 */
public record ToolResult(String verb, int exitCode, JsonNode value, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** The last {@code lines} of stderr, for a failure's detail. */
    public String stderrTail(int lines) {
        String[] all = stderr.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
