package dev.ltx2.orchestrator.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.pyenv.FakeVenv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jep runner refuses a venv whose native Jep is not the jar's, before loading the library. */
class JepNativeTest {
    @TempDir Path dir;

    @Test
    void aMismatchNamesBothVersionsAndAFixThatExists() throws Exception {
        String problem = JepRunner.JepNative.check(FakeVenv.create(dir.resolve("venv"), "4.1.1"), "4.2.2");
        assertThat(problem).isEqualTo("Jep version mismatch: jar 4.2.2, native library 4.1.1; they must be equal "
                + "(run: orchestrator env create)");
        assertThat(JepRunner.JepNative.check(FakeVenv.create(dir.resolve("ok"), "4.2.2"), "4.2.2")).isNull();
    }
}
