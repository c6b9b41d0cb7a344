package dev.ltx2.orchestrator.ui;

import java.nio.file.Path;

/**
 * Where the web UI lives. The app is the patched fork's {@code ui/} (replaced whenever the
 * patch series changes); everything that must outlive that is under {@code <cache>/ui}: the
 * npm download cache, the installed dependencies (one folder per lockfile), the database and
 * the default training, dataset and model folders.
 */
public record UiPaths(Path forkDir, Path uiCache) {

    public static UiPaths of(Path cache, Path forkDir) {
        return new UiPaths(forkDir, cache.resolve("ui"));
    }

    public Path app() {
        return forkDir.resolve("ui");
    }

    public Path npmCache() {
        return uiCache.resolve("npm-cache");
    }

    /** Installed dependencies for one lockfile; {@code key} is the lockfile's digest. */
    public Path deps(String key) {
        return uiCache.resolve("deps").resolve(key);
    }

    public Path state() {
        return uiCache.resolve("state");
    }

    public Path database() {
        return state().resolve("aitk_db.db");
    }

    /** The path the UI and the trainer open: the toolkit root's aitk_db.db (schema.prisma). */
    public Path databaseLink() {
        return forkDir.resolve("aitk_db.db");
    }

    public Path logs() {
        return uiCache.resolve("logs");
    }
}
