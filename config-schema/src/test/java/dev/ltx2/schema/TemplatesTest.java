package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The orchestrator's LTX-2 templates validate and carry the SOP's defaults (items N and Z). */
class TemplatesTest {
    static final Path TEMPLATES = Path.of(System.getProperty("user.dir")).resolve("../examples/templates").normalize();

    @ParameterizedTest
    @ValueSource(strings = {"ltx2-character.yaml", "ltx2.3-character.yaml", "ltx2.5-character.yaml"})
    void templatesValidateWithTheSopDefaults(String name, @TempDir Path dir) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model/text_encoder"));
        Path clips = Files.createDirectories(dir.resolve("clips"));
        Map<String, String> env = Map.of("LTX2_MODEL", model.getParent().toString(), "CHARACTER_CLIPS", clips.toString(),
                "OUTPUT", dir.resolve("out").toString(), "LTX2_TEXT_ENCODER", model.toString(),
                "LTX25_FILES", ltx25Files(dir).toString());
        ValidationReport report = ConfigValidator.validate(TEMPLATES.resolve(name), ValidationContext.of(env));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).as("a template that stays offline").noneSatisfy(w -> assertThat(w.message()).contains("download"));
        JsonNode process = report.config().orElseThrow().tree().at("/config/process/0");
        assertThat(process.at("/network/linear").asInt()).isEqualTo(32);
        assertThat(process.at("/network/linear_alpha").asInt()).isEqualTo(32);
        assertThat(process.at("/network/rank_dropout").asDouble()).isEqualTo(0.1);
        assertThat(process.at("/train/auto_balance_audio_loss").asBoolean()).isTrue();
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
