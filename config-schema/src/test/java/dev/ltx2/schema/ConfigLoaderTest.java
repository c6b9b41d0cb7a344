package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    Path write(String text) throws IOException {
        Path f = dir.resolve("job.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void substitutesEnvironmentVariablesLikeAiToolkit() throws IOException {
        Path f = write("job: extension\nconfig:\n  name: x\n  process:\n    - training_folder: ${OUT}/runs\n");
        var loaded = (LoadResult.Loaded) ConfigLoader.load(f, Map.of("OUT", "/data"));
        assertThat(loaded.config().tree().at("/config/process/0/training_folder").asText()).isEqualTo("/data/runs");
        assertThat(loaded.config().name()).isEqualTo("x");
    }

    @Test
    void unsetVariableIsAnErrorAtItsLineAndColumn() throws IOException {
        Path f = write("job: extension\nconfig:\n  name: ${NAME}\n");
        var invalid = (LoadResult.Invalid) ConfigLoader.load(f, Map.of());
        Diagnostic d = invalid.errors().get(0);
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isEqualTo(9);
        assertThat(d.format()).contains("job.yaml:3:9").contains("NAME is not set").contains("(fix: export NAME");
    }

    @Test
    void duplicateKeysAreRejected() throws IOException {
        Path f = write("job: extension\njob: train\n");
        var invalid = (LoadResult.Invalid) ConfigLoader.load(f, Map.of());
        assertThat(invalid.errors().get(0).message()).contains("Duplicate field 'job'");
        assertThat(invalid.errors().get(0).line()).isEqualTo(2);
    }

    @Test
    void scientificLearningRatesAreNumbers() throws IOException {
        Path f = write("job: extension\nconfig:\n  process:\n    - train:\n        lr: 1e-4\n");
        var loaded = (LoadResult.Loaded) ConfigLoader.load(f, Map.of());
        assertThat(loaded.config().tree().at("/config/process/0/train/lr").isNumber()).isTrue();
    }
}
