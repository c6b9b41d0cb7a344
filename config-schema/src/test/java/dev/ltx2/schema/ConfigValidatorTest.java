package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading behaviour: what reaches Python, and how unreadable input is reported. */
class ConfigValidatorTest {
    @TempDir Path dir;
    ValidationContext context;

    @BeforeEach
    void data() throws IOException {
        context = TestData.create(dir);
    }

    static final String JOB = """
            job: extension
            config:
              name: demo
              process:
                - type: sd_trainer
                  training_folder: ${DATA}/output/[name]
                  model: {arch: ltx2, name_or_path: ${DATA}/model}
                  network: {type: lora, linear: 8, linear_alpha: 8}
                  train: {steps: 10, lr: 1e-4, noise_scheduler: flowmatch, disable_sampling: true}
                  datasets:
                    - folder_path: ${DATA}/clips
                      num_frames: 17
            """;

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theResolvedTreeIsWhatAiToolkitsLoaderProduces() throws IOException {
        ValidationReport report = ConfigValidator.validate(write("job.yaml", JOB), context);
        assertThat(report.diagnostics()).isEmpty();
        JsonNode tree = new ObjectMapper().readTree(report.config().orElseThrow().toJson());
        assertThat(tree.at("/config/process/0/train/lr").isDouble()).isTrue();
        assertThat(tree.at("/config/process/0/train/lr").asDouble()).isEqualTo(1e-4);
        assertThat(tree.at("/config/process/0/train/steps").isIntegralNumber()).isTrue();
        assertThat(tree.at("/config/process/0/datasets/0/folder_path").asText()).isEqualTo(dir + "/clips");
        // [name] is replaced by config.name everywhere, as toolkit/config.py:preprocess_config does
        assertThat(tree.at("/config/process/0/training_folder").asText()).isEqualTo(dir + "/output/demo");
    }

    /** The fix for text where a number belongs fits what was written: quotes are only mentioned when there are some. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "steps: thirty,       | steps | write a whole number in digits, e.g. 30",
        "steps: 'thirty',     | steps | write a whole number in digits, e.g. 30",
        "steps: '30',         | steps | remove the quotes: numbers are not text",
        "lr: ten,             | lr    | write a number in digits, e.g. 0.0001 or 1e-4",
        "lr: \"1e-4\",      | lr    | remove the quotes: numbers are not text (1e-4 and 0.0001 both work unquoted)",
    })
    void theFixForTextWhereANumberBelongsFitsWhatWasWritten(String written, String key, String fix) throws IOException {
        String original = key.equals("steps") ? "steps: 10," : "lr: 1e-4,";
        ValidationReport report = ConfigValidator.validate(write("job.yaml", JOB.replace(original, written)), context);
        assertThat(report.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.keyPath()).isEqualTo("config.process[0].train." + key);
            assertThat(d.fix()).isEqualTo(fix);
        });
    }

    @Test
    void loadResultCarriesWarningsWithTheResolvedConfig() throws IOException {
        Path f = write("job.yaml", JOB.replace("steps: 10,", "steps: 10, noise_offset: 0.05,"));
        LoadResult r = ConfigLoader.load(f, context);
        assertThat(r).isInstanceOf(LoadResult.Loaded.class);
        LoadResult.Loaded loaded = (LoadResult.Loaded) r;
        assertThat(loaded.warnings()).singleElement().satisfies(d -> assertThat(d.keyPath())
                .isEqualTo("config.process[0].train.noise_offset"));
        assertThat(loaded.config().name()).isEqualTo("demo");
        assertThat(loaded.config().steps()).isEqualTo(10);
    }

    @Test
    void aProcessNameOverridesTheOutputFolderAsInBaseProcess() throws IOException {
        Path f = write("job.yaml", JOB.replace("- type: sd_trainer", "- type: sd_trainer\n      name: other"));
        ResolvedConfig c = ((LoadResult.Loaded) ConfigLoader.load(f, context)).config();
        assertThat(c.name()).isEqualTo("other");
    }

    @Test
    void jsonConfigsAreReadToo() throws IOException {
        String json = """
                {"job": "extension", "config": {"name": "j", "process": [{"type": "sd_trainer",
                  "training_folder": "${DATA}/out", "model": {"arch": "ltx2", "name_or_path": "${DATA}/model"},
                  "network": {"type": "lora", "linear": 8, "linear_alpha": 8},
                  "train": {"lr": 1e-4, "noise_scheduler": "flowmatch", "disable_sampling": true},
                  "datasets": [{"folder_path": "${DATA}/clips", "num_frames": 81, "do_audio": "no"}]}]}}
                """;
        ValidationReport report = ConfigValidator.validate(write("job.json", json), context);
        assertThat(report.errors()).singleElement().satisfies(d -> {
            assertThat(d.keyPath()).isEqualTo("config.process[0].datasets[0].do_audio");
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.message()).contains("expected true or false");
        });
    }

    @Test
    void duplicateKeysAreErrorsAtTheSecondOccurrence() throws IOException {
        ValidationReport report = ConfigValidator.validate(write("dup.yaml", "job: extension\njob: train\n"), context);
        assertThat(report.errors()).anySatisfy(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.message()).contains("duplicate key 'job' (first at line 1)");
        });
    }

    @Test
    void unreadableInputsAreDiagnosticsNotExceptions() throws IOException {
        assertThat(ConfigValidator.validate(dir.resolve("missing.yaml"), context).errors().get(0).message())
                .contains("does not exist");
        assertThat(ConfigValidator.validate(dir, context).errors().get(0).message()).contains("not a regular file");
        assertThat(ConfigValidator.validate(write("empty.yaml", "# nothing\n"), context).errors().get(0).message())
                .contains("empty");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(ConfigValidator.validate(latin1, context).errors().get(0).message()).contains("UTF-8");
        assertThat(ConfigValidator.validate(write("two.yaml", "a: 1\n---\nb: 2\n"), context).errors().get(0).message())
                .contains("YAML syntax");
        assertThat(ConfigValidator.validate(write("list.yaml", "- a\n- b\n"), context).errors().get(0).message())
                .contains("expected a mapping for the top level");
    }

    @Test
    void theDemoConfigIsValidWithTheOrchestratorsDemoDirectory() {
        Path demo = Path.of("..", "examples", "demo", "character.yaml");
        Path demoDir = dir.resolve("demo-not-generated-yet");
        ValidationContext ctx = new ValidationContext(Map.of("LTX2_DEMO_DIR", demoDir.toString()), dir, java.util.List.of())
                .withGeneratedRoot(demoDir);
        ValidationReport report = ConfigValidator.validate(demo, ctx);
        assertThat(report.diagnostics()).isEmpty();
    }
}
