package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.schema.model.NetworkConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Relevance;
import dev.ltx2.schema.spec.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every template in examples/templates, through the real validator: it trains only keys the
 * schema knows and the LTX-2 trainer reads, the templates differ only in their model, and the
 * typed view carries the SOP's LoRA (items N, M) and audio balance (items B, Z).
 */
class TemplatesTest {
    static final Path TEMPLATES = Path.of(System.getProperty("user.dir")).resolve("../examples/templates").normalize();

    @TempDir static Path dir;

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void validatesWithNothingToFix(Path template) throws IOException {
        // Warnings with a fix are changes the validator asks for (a key another model family
        // reads, a download); the others say what the fork does with a value (min_snr_gamma).
        ValidationReport report = validate(template);
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).allSatisfy(w -> assertThat(w.fix()).as(w.keyPath() + ": " + w.message()).isNull());
    }

    @ParameterizedTest
    @MethodSource("templates")
    void everyKeyItSetsIsReadOnTheLtx2TrainingPath(Path template) throws IOException {
        ProcessConfig p = validate(template).job().orElseThrow().processes().get(0);
        List<Section> sections = new ArrayList<>(List.of(p.section(), p.model().section(), p.network().section(),
                p.train().section(), p.save().section(), p.sample().section(), p.logging().section()));
        p.datasets().forEach(d -> sections.add(d.section()));
        for (Section section : sections) {
            for (String name : section.values().keySet()) {
                assertThat(section.spec().key(name).relevance()).as(section.path() + "." + name)
                        .isNotEqualTo(Relevance.OTHER_MODELS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("templates")
    void trainsTheSopsLoraAndAudioBalance(Path template) throws IOException {
        ProcessConfig process = validate(template).job().orElseThrow().processes().get(0);
        NetworkConfig network = process.network();
        assertThat(network.rank()).as("N: rank 32").isEqualTo(32);
        assertThat(network.linearAlpha() / network.rank()).as("N: alpha follows rank, LoRA scale 1").isEqualTo(1.0);
        assertThat(process.network().section().get(NetworkConfig.RANK_DROPOUT)).as("M").isEqualTo(0.1);
        assertThat(process.train().section().get(TrainConfig.AUTO_BALANCE_AUDIO_LOSS))
                .as("Z: the template turns on what the trainer's default leaves off")
                .isTrue().isNotEqualTo(TrainConfig.AUTO_BALANCE_AUDIO_LOSS.defaultValue());
    }

    @Test
    void theTemplatesDifferOnlyInTheirModelAndName() throws IOException {
        List<JsonNode> trees = templates().stream().map(TemplatesTest::trainingWithoutModel).toList();
        assertThat(trees).hasSizeGreaterThan(1);
        assertThat(trees).allSatisfy(tree -> assertThat(tree).isEqualTo(trees.get(0)));
    }

    /** The resolved tree less the job's name and the process's model. */
    static JsonNode trainingWithoutModel(Path template) {
        try {
            ObjectNode config = (ObjectNode) validate(template).config().orElseThrow().tree().get("config").deepCopy();
            config.remove("name");
            ((ObjectNode) config.get("process").get(0)).remove("model");
            return config;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Validated with the variables the templates' headers name, each a local folder of the expected layout. */
    static ValidationReport validate(Path template) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model/text_encoder"));
        Path clips = Files.createDirectories(dir.resolve("clips"));
        Map<String, String> env = Map.of("LTX2_MODEL", model.getParent().toString(), "CHARACTER_CLIPS", clips.toString(),
                "OUTPUT", dir.resolve("out").toString(), "LTX2_TEXT_ENCODER", model.toString(),
                "LTX25_FILES", ltx25Files(dir).toString());
        return ConfigValidator.validate(template, ValidationContext.of(env));
    }

    /** The four LTX-2.5 split files in their repository layout (names from the fork's COMFY_LTX25_FILES). */
    static Path ltx25Files(Path dir) throws IOException {
        Path root = dir.resolve("ltx25");
        for (String f : new String[] {"diffusion_models/ltx-2.5-22b-dev-transformer-comfy-int8-convrot.safetensors",
            "text_encoders/gemma4-12b-with-proj-ltx-2.5-comfy-int8-convrot.safetensors",
            "vae/ltx-2.5-video-vae-conv-bf16.safetensors", "vae/ltx-2.5-audio-vae-bf16.safetensors"}) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), "weights");
        }
        return root;
    }
}
