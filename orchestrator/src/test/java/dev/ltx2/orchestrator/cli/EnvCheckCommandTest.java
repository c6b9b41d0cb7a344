package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.BuildInfo;
import dev.ltx2.orchestrator.pyenv.FakeVenv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code env check} against a venv whose Jep is (not) the jar's version. */
class EnvCheckCommandTest {
    @TempDir Path cache;

    @Test
    void aJepMismatchIsAnEnvironmentErrorNamingBothVersionsAndTheFix() throws Exception {
        FakeVenv.create(cache.resolve("venv"), "4.1.1");
        CliRun r = CliRun.of("env", "check", "--cache-dir", cache.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("error: Jep jar " + BuildInfo.jepVersion() + " and native library 4.1.1 differ")
                .contains("fix: run: orchestrator env create");
        assertThat(r.out()).contains("jep (jar)").contains(BuildInfo.jepVersion());
    }

    @Test
    void matchingVersionsPass() throws Exception {
        FakeVenv.create(cache.resolve("venv"), BuildInfo.jepVersion());
        CliRun r = CliRun.of("env", "check", "--cache-dir", cache.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("error:");
    }
}
