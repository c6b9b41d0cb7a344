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
    @ValueSource(strings = {"ltx2-character.yaml", "ltx2.3-character.yaml"})
    void templatesValidateWithTheSopDefaults(String name, @TempDir Path dir) throws IOException {
        Path model = Files.createDirectories(dir.resolve("model/text_encoder"));
        Path clips = Files.createDirectories(dir.resolve("clips"));
        Map<String, String> env = Map.of("LTX2_MODEL", model.getParent().toString(), "CHARACTER_CLIPS", clips.toString(),
                "OUTPUT", dir.resolve("out").toString(), "LTX2_TEXT_ENCODER", model.toString());
        ValidationReport report = ConfigValidator.validate(TEMPLATES.resolve(name), ValidationContext.of(env));
        assertThat(report.errors()).isEmpty();
        JsonNode process = report.config().orElseThrow().tree().at("/config/process/0");
        assertThat(process.at("/network/linear").asInt()).isEqualTo(32);
        assertThat(process.at("/network/linear_alpha").asInt()).isEqualTo(32);
        assertThat(process.at("/network/rank_dropout").asDouble()).isEqualTo(0.1);
        assertThat(process.at("/train/auto_balance_audio_loss").asBoolean()).isTrue();
    }
}
