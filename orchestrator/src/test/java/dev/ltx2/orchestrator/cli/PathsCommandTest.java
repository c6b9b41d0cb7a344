package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathsCommandTest {
    @TempDir Path cache;

    @Test
    void jsonNamesEveryPlaceUnderTheGivenCache() throws Exception {
        CliRun r = CliRun.of("paths", "--json", "--cache-dir", cache.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode paths = new ObjectMapper().readTree(r.out());
        Path root = cache.toAbsolutePath().normalize();
        assertThat(paths.get("cache").asText()).isEqualTo(root.toString());
        assertThat(paths.get("fork").asText()).isEqualTo(root.resolve("fork/ai-toolkit").toString());
        assertThat(paths.get("venv_python").asText()).isEqualTo(root.resolve("venv/bin/python").toString());
        assertThat(paths.get("demo").asText()).isEqualTo(root.resolve("demo").toString());
        assertThat(Path.of(paths.get("patches").asText()).resolve("series")).exists();
    }

    @Test
    void namesPrintJustThosePathsOneALineInTheirOrder() {
        CliRun r = CliRun.of("paths", "--cache-dir", cache.toString(), "venv_python", "fork");
        assertThat(r.code()).as(r.err()).isZero();
        Path root = cache.toAbsolutePath().normalize();
        assertThat(r.out().lines().toList())
                .containsExactly(root.resolve("venv/bin/python").toString(), root.resolve("fork/ai-toolkit").toString());
    }

    @Test
    void anUnknownNameIsAUserErrorListingTheNames() {
        CliRun r = CliRun.of("paths", "--cache-dir", cache.toString(), "venv_pyhton");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("unknown path name: venv_pyhton").contains("venv_python");
        assertThat(r.out()).isEmpty();
    }
}
