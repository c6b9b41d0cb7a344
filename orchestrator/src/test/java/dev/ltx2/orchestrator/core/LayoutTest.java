package dev.ltx2.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LayoutTest {
    @Test
    void cacheOverrideWinsAndSubdirectoriesAreFixed() {
        Layout layout = Layout.resolve(Path.of("/tmp/x/../cache"));
        assertThat(layout.cache()).isEqualTo(Path.of("/tmp/cache"));
        assertThat(layout.venvDir()).isEqualTo(Path.of("/tmp/cache/venv"));
        assertThat(layout.forkDir()).isEqualTo(Path.of("/tmp/cache/fork/ai-toolkit"));
    }
}
