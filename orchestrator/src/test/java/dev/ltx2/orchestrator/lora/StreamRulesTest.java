package dev.ltx2.orchestrator.lora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of stream-rules.json, as Java reads them, give the answers of the shared fixture
 * that the Python reader is tested against too (python-env/tests/lora/test_streams.py).
 */
class StreamRulesTest {
    static final Path FIXTURE = Path.of(System.getProperty("user.dir")).resolve("../python-env/tests/fixtures/lora_stream_keys.json")
            .normalize();

    @Test
    void everyFixtureKeyGetsTheSharedStreamAndKjnodesSlider() throws IOException {
        JsonNode keys = new ObjectMapper().readTree(FIXTURE.toFile()).get("keys");
        assertThat(keys.size()).isGreaterThan(40);
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : keys.properties()) {
            LoraKey key = LoraKey.parse(e.getKey()).orElse(null);
            String stream = key == null ? null : key.stream().id();
            String slider = key == null ? null : StreamRules.kjnodesGroup(key.module());
            String expectedStream = e.getValue().get("stream").isNull() ? null : e.getValue().get("stream").asText();
            String expectedSlider = e.getValue().get("kjnodes").isNull() ? null : e.getValue().get("kjnodes").asText();
            if (!java.util.Objects.equals(stream, expectedStream) || !java.util.Objects.equals(slider, expectedSlider)) {
                mismatches.add(e.getKey() + ": got " + stream + "/" + slider + ", fixture " + expectedStream + "/" + expectedSlider);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void fixtureCoversEveryStreamAndSlider() throws IOException {
        JsonNode keys = new ObjectMapper().readTree(FIXTURE.toFile()).get("keys");
        List<String> streams = new ArrayList<>();
        List<String> sliders = new ArrayList<>();
        keys.forEach(v -> {
            streams.add(v.get("stream").asText());
            sliders.add(v.get("kjnodes").asText());
        });
        assertThat(streams).containsAll(Arrays.stream(Stream.values()).map(Stream::id).toList());
        assertThat(sliders).containsAll(StreamRules.KJNODES_GROUPS);
    }

    @Test
    void theRulesFileGivesEveryStreamItsLabelAndTheGroupsTheirMembers() {
        assertThat(Stream.VIDEO_SELF.label()).isEqualTo("video self-attention (attn1)");
        assertThat(Arrays.stream(Stream.values()).map(Stream::label)).doesNotContainNull();
        assertThat(StreamSelection.GROUPS.get("audio")).containsExactly(Stream.AUDIO_SELF, Stream.AUDIO_CROSS, Stream.AUDIO_FF);
        assertThat(StreamRules.KJNODES_GROUPS).containsExactly("video", "audio", "audio_to_video", "video_to_audio", "other");
    }

    @Test
    void keyFormatsAreRecognisedByPrefix() {
        assertThat(LoraKey.parse("diffusion_model.transformer_blocks.0.attn1.to_q.lora_A.weight").orElseThrow())
                .isEqualTo(new LoraKey("diffusion_model.transformer_blocks.0.attn1.to_q.lora_A.weight", KeyFormat.COMFY,
                        "transformer_blocks.0.attn1.to_q", Part.DOWN));
        assertThat(LoraKey.parse("lora_unet_transformer_blocks_0_ff_net_2.lora_up.weight").orElseThrow().format())
                .isEqualTo(KeyFormat.KOHYA);
        assertThat(LoraKey.parse("base_model.model.x.lora_B.default.weight").orElseThrow().part()).isEqualTo(Part.UP);
        assertThat(LoraKey.parse("transformer.proj_in.lora_A.weight").orElseThrow().format()).isEqualTo(KeyFormat.DIFFUSERS);
    }

    @Test
    void streamSelectionExpandsGroupsAndRejectsUnknownNames() {
        var chosen = StreamSelection.parse("audio, a2v,v2a");
        assertThat(((dev.ltx2.orchestrator.core.Result.Ok<java.util.Set<Stream>>) chosen).value())
                .containsExactlyInAnyOrder(Stream.AUDIO_SELF, Stream.AUDIO_CROSS, Stream.AUDIO_FF, Stream.A2V, Stream.V2A);
        var bad = StreamSelection.parse("audio,voice");
        assertThat(bad).isInstanceOf(dev.ltx2.orchestrator.core.Result.Err.class);
        assertThat(((dev.ltx2.orchestrator.core.Result.Err<?>) bad).failure().message()).contains("\"voice\"");
        assertThat(StreamSelection.parse(" , ")).isInstanceOf(dev.ltx2.orchestrator.core.Result.Err.class);
    }
}
