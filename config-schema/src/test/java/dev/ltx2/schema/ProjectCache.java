package dev.ltx2.schema;

import java.nio.file.Path;

/** The orchestrator's cache (venv, fork) as core/Layout finds it; tests only read from it. */
public final class ProjectCache {
    private ProjectCache() {}

    public static Path dir() {
        String fromEnv = System.getenv("LTX2_ORCHESTRATOR_CACHE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ltx2-orchestrator");
    }
}
