package dev.ltx2.schema.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.SectionSpec;
import org.junit.jupiter.api.Test;

class JsonSchemaExportTest {
    final ObjectNode schema = JsonSchemaExport.schema();

    JsonNode property(String section, String key) {
        return schema.at("/definitions/" + section + "/properties/" + key);
    }

    @Test
    void everySectionIsAClosedObjectWithEveryKey() {
        assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema#");
        for (SectionSpec spec : JobConfig.ALL_SECTIONS) {
            JsonNode def = schema.at("/definitions/" + spec.name());
            assertThat(def.get("additionalProperties").asBoolean()).as(spec.name()).isFalse();
            for (Key<?> key : spec.keys()) {
                assertThat(def.at("/properties/" + key.name() + "/description").asText()).isNotBlank();
            }
        }
    }

    @Test
    void typesBoundsDefaultsAndEnumsComeFromTheKeys() {
        JsonNode ratio = property("train", "strict_audio_min_supervised_ratio");
        assertThat(ratio.get("type").asText()).isEqualTo("number");
        assertThat(ratio.get("minimum").asDouble()).isEqualTo(0.0);
        assertThat(ratio.get("maximum").asDouble()).isEqualTo(1.0);
        assertThat(ratio.get("default").asDouble()).isEqualTo(0.9);
        JsonNode ema = property("train", "auto_balance_audio_ema");
        assertThat(ema.get("exclusiveMinimum").asDouble()).isEqualTo(0.0);
        assertThat(ema.get("exclusiveMaximum").asDouble()).isEqualTo(1.0);
        assertThat(property("network", "rank_dropout").get("exclusiveMaximum").asDouble()).isEqualTo(1.0);
        assertThat(property("network", "type").get("enum")).extracting(JsonNode::asText)
                .containsExactly("lora", "dora", "lokr");
        assertThat(property("train", "voice_preservation").get("default").asText()).isEqualTo("base");
        assertThat(property("dataset", "resolution").at("/anyOf/0/multipleOf").asInt()).isEqualTo(32);
        JsonNode doAudio = property("dataset", "do_audio");
        assertThat(doAudio.get("type")).extracting(JsonNode::asText).containsExactly("boolean", "null");
        assertThat(doAudio.has("default")).isFalse();
        assertThat(property("train", "auto_balance_audio_loss").get("description").asText()).startsWith("[patched fork]");
        assertThat(property("process", "train").get("$ref").asText()).isEqualTo("#/definitions/train");
        assertThat(schema.at("/definitions/process/required")).extracting(JsonNode::asText)
                .contains("type", "training_folder", "model", "datasets");
    }
}
