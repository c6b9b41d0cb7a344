package dev.ltx2.orchestrator.pyenv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jep jar/native comparison behind {@code env check}, and the venv stamp that {@code env create} trusts. */
class EnvironmentReportTest {
    @TempDir Path dir;

    @Test
    void jepMatchesOnlyTheJarsExactVersion() {
        assertThat(new EnvironmentReport(Map.of(), "4.2.2", "4.2.2").jepMatches()).isTrue();
        assertThat(new EnvironmentReport(Map.of(), "4.2.2", "4.1.1").jepMatches()).isFalse();
        assertThat(new EnvironmentReport(Map.of(), "4.2.2", "4.2.2.post1").jepMatches()).isFalse();
        assertThat(new EnvironmentReport(Map.of(), "4.2.2", "missing").jepMatches()).isFalse();
    }

    @Test
    void probeReportsTheVenvsJepAgainstTheJar() throws Exception {
        PythonEnv env = FakeVenv.create(dir.resolve("venv"), "4.1.1");
        EnvironmentReport report = ((Result.Ok<EnvironmentReport>) EnvironmentReport.probe(env, "4.2.2")).value();
        assertThat(report.jepNative()).isEqualTo("4.1.1");
        assertThat(report.jepJar()).isEqualTo("4.2.2");
        assertThat(report.jepMatches()).isFalse();
    }

    @Test
    void probeReadsEveryFieldOfEnvchecksReport() throws Exception {
        PythonEnv env = FakeVenv.create(dir.resolve("venv"), "4.2.2");
        EnvironmentReport report = ((Result.Ok<EnvironmentReport>) EnvironmentReport.probe(env, "4.2.2")).value();
        Map<String, String> sample = new ObjectMapper().readValue(FakeVenv.REPORT_SAMPLE.toFile(),
                new TypeReference<LinkedHashMap<String, String>>() { });
        assertThat(report.versions()).containsExactlyEntriesOf(sample);
        assertThat(report.jepMatches()).isTrue();
    }

    @Test
    void aVenvWhoseJepWasReplacedIsNotCurrentSoEnvCreateReinstallsIt() throws Exception {
        LockFile lock = new LockFile(dir.resolve("lock.txt"), "torch==2.11.0\n");
        PythonEnv env = FakeVenv.create(dir.resolve("venv"), "4.1.1");
        Files.writeString(env.venvDir().resolve(EnvironmentBuilder.STAMP), lock.digest("4.2.2", "3.12") + "\n");
        assertThat(new EnvironmentBuilder(env, lock, "4.2.2", s -> { }).isCurrent()).isFalse();

        PythonEnv matching = FakeVenv.create(dir.resolve("venv2"), "4.2.2");
        Files.writeString(matching.venvDir().resolve(EnvironmentBuilder.STAMP), lock.digest("4.2.2", "3.12") + "\n");
        assertThat(new EnvironmentBuilder(matching, lock, "4.2.2", s -> { }).isCurrent()).isTrue();
    }
}
