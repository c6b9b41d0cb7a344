package dev.ltx2.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ltx2.orchestrator.core.Layout;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.ForkMaterializer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * End-to-end tests need the real upstream. They run when the fork is already materialised
 * in the cache, a cached clone holds the pin, or LTX2_UPSTREAM names a source; otherwise they
 * are reported as skipped with this reason, never as passed.
 */
final class UpstreamAvailable {
    private UpstreamAvailable() {}

    static void assume() {
        assumeTrue(available(), "no upstream ai-toolkit source: set LTX2_UPSTREAM to a git URL or local clone "
                + "(or run bin/orchestrator fork apply --upstream ... once to fill the cache)");
    }

    static boolean available() {
        String upstream = System.getenv("LTX2_UPSTREAM");
        if (upstream != null && !upstream.isBlank()) {
            return true;
        }
        Layout layout = Layout.resolve(null);
        Result<ForkMaterializer> fm = new Workspace(new Layout(Launcher.HOME, layout.cache()), s -> { }).forkMaterializer();
        if (fm instanceof Result.Ok<ForkMaterializer> ok && ok.value().current() instanceof Result.Ok<?>) {
            return true;
        }
        Path mirrors = layout.upstreamMirrors();
        try (var list = Files.list(mirrors)) {
            return list.anyMatch(p -> p.getFileName().toString().endsWith(".git"));
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
