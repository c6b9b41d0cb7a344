package dev.ltx2.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LayoutTest {
    static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void launcherAndJavaAgreeOnTheCacheVariableAndDefault() throws IOException {
        String launcher = Files.readString(HOME.resolve("bin/orchestrator"));
        assertThat(launcher).contains("${" + Layout.CACHE_ENV + ":-${XDG_CACHE_HOME:-$HOME/.cache}/ltx2-orchestrator}");
        assertThat(launcher).contains("export " + Layout.CACHE_ENV);
    }

    @Test
    void cacheOverrideWinsAndSubdirectoriesAreFixed() {
        Layout layout = Layout.resolve(Path.of("/tmp/x/../cache"));
        assertThat(layout.cache()).isEqualTo(Path.of("/tmp/cache"));
        assertThat(layout.venvDir()).isEqualTo(Path.of("/tmp/cache/venv"));
        assertThat(layout.forkDir()).isEqualTo(Path.of("/tmp/cache/fork/ai-toolkit"));
    }
}
