package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.Main;
import dev.ltx2.schema.export.ReferenceDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The validate, schema and train commands through Main, as the launcher runs them. */
class CommandsTest {
    @TempDir Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    Path invalidConfig() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, """
                job: extension
                config:
                  name: bad
                  process:
                    - type: sd_trainer
                      training_folder: out
                      model: {arch: ltx2, name_or_path: /nonexistent/model}
                      train: {stepz: 10}
                      datasets:
                        - {folder_path: /nonexistent/clips, num_frames: 80}
                """);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {"character.yaml", "character-ltx2.5.yaml"})
    void validateAcceptsTheDemoConfigsWithExitZero(String demo) {
        CliRun r = run("validate", Path.of("..", "examples", "demo", demo).toString(), "--cache-dir", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains(demo + ": valid (0 errors, 0 warnings)");
    }

    @Test
    void validateReportsFileLineColumnKeyPathMessageAndFixThenExitsOne() throws Exception {
        Path bad = invalidConfig();
        CliRun r = run("validate", bad.toString(), "--cache-dir", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(bad + ":8:15  config.process[0].train.stepz  unknown key 'stepz'")
                .contains("(fix: did you mean 'steps'?)")
                .contains(bad + ":10:57  config.process[0].datasets[0].num_frames  num_frames 80 is not 8k+1")
                .contains("invalid (4 errors, ");
    }

    @Test
    void validateJsonIsMachineReadable() throws Exception {
        CliRun r = run("validate", invalidConfig().toString(), "--json", "--cache-dir", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("errors").asInt()).isEqualTo(4);
        assertThat(json.get("diagnostics")).anySatisfy(d -> {
            assertThat(d.get("keyPath").asText()).isEqualTo("config.process[0].model.name_or_path");
            assertThat(d.get("line").asInt()).isEqualTo(7);
            assertThat(d.get("severity").asText()).isEqualTo("error");
        });
    }

    @Test
    void trainValidatesBeforePreparingAnything() throws Exception {
        Path cache = dir.resolve("cache");
        CliRun r = run("train", invalidConfig().toString(), "--cache-dir", cache.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("config.process[0].train.stepz");
        // no venv, fork or demo assets were started
        assertThat(!Files.exists(cache) || isEmpty(cache)).isTrue();
    }

    @Test
    void schemaExportWritesTheJsonSchemaAndTheMarkdownReference() throws Exception {
        Path schema = dir.resolve("out/ltx2-job.schema.json");
        assertThat(run("schema", "export", "--out", schema.toString()).code()).isZero();
        JsonNode json = new ObjectMapper().readTree(schema.toFile());
        assertThat(json.at("/definitions/train/properties/auto_balance_audio_loss/type").asText()).isEqualTo("boolean");

        Path md = dir.resolve("reference.md");
        assertThat(run("schema", "export", "--format", "markdown", "--out", md.toString()).code()).isZero();
        assertThat(Files.readString(md)).isEqualTo(ReferenceDoc.markdown());
        assertThat(run("schema", "export", "--format", "yaml").code()).isEqualTo(1);
    }

    private static boolean isEmpty(Path p) throws Exception {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}
