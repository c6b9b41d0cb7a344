package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Layout;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cache-dir}: where the upstream clone, fork, venv and demo assets live. */
public final class CacheOption {
    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Cache for the upstream clone, fork, venv and demo assets "
                    + "(default: $" + Layout.CACHE_ENV + ", else ~/.cache/ltx2-orchestrator).")
    Path cacheDir;

    public Layout layout() {
        return Layout.resolve(cacheDir);
    }
}
