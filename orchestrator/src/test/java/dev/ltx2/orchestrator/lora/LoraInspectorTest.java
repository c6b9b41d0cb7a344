package dev.ltx2.orchestrator.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.cli.CliRun;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraInspectorTest {
    static final String B0 = "diffusion_model.transformer_blocks.0.";
    static final String DO_AUDIO_FALSE = "{\"config\":{\"process\":[{\"datasets\":[{\"folder_path\":\"x\",\"do_audio\":false}]}]}}";

    @TempDir Path dir;

    /** One module per transformer stream, shaped like LTX-2 at tiny widths (video 16, audio 8). */
    static LoraFiles ltxLike(long seed) {
        return new LoraFiles(seed)
                .lora(B0 + "attn1.to_q", 16, 16, 4)
                .lora(B0 + "attn2.to_k", 16, 16, 4)
                .lora(B0 + "ff.net.0.proj", 16, 64, 4)
                .lora(B0 + "audio_attn1.to_v", 8, 8, 4)
                .lora(B0 + "audio_attn2.to_out.0", 8, 8, 4)
                .lora(B0 + "audio_ff.net.2", 32, 8, 4)
                .lora(B0 + "audio_to_video_attn.to_q", 16, 8, 4)
                .lora(B0 + "video_to_audio_attn.to_k", 16, 8, 4);
    }

    @Test
    void perStreamNormsMatchTheMaterialisedProducts() throws IOException {
        LoraFiles f = ltxLike(1).lora(B0 + "attn1.to_k", 16, 16, 4);
        LoraReport r = inspect(f.write(dir.resolve("a.safetensors")));

        Map<String, StreamSummary> streams = byId(r);
        double attn1 = Math.hypot(reference(f, B0 + "attn1.to_q"), reference(f, B0 + "attn1.to_k"));
        assertThat(streams.get("video-self").modules()).isEqualTo(2);
        assertThat(streams.get("video-self").deltaNorm()).isCloseTo(attn1, within(attn1 * 1e-5));
        for (String[] s : new String[][] {{"video-cross", "attn2.to_k"}, {"video-ff", "ff.net.0.proj"},
                {"audio-self", "audio_attn1.to_v"}, {"audio-cross", "audio_attn2.to_out.0"}, {"audio-ff", "audio_ff.net.2"},
                {"a2v", "audio_to_video_attn.to_q"}, {"v2a", "video_to_audio_attn.to_k"}}) {
            double expected = reference(f, B0 + s[1]);
            assertThat(streams.get(s[0]).modules()).as(s[0]).isEqualTo(1);
            assertThat(streams.get(s[0]).deltaNorm()).as(s[0]).isCloseTo(expected, within(expected * 1e-5));
        }
        assertThat(streams.get("connectors").modules()).isZero();
        assertThat(streams.get("connectors").deltaNorm()).isNull();
        assertThat(r.networks()).containsExactly(Map.entry("LoRA", 9));
        assertThat(r.ranks()).containsExactly(Map.entry(4, 9));
        assertThat(r.formats()).containsExactly(Map.entry("comfy", 9));
        assertThat(r.alpha().modulesWithAlpha()).isZero();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.startsWith("no alpha tensors"));
    }

    @Test
    void alphaScalesTheNormByAlphaOverRank() throws IOException {
        LoraFiles f = new LoraFiles(2).lora(B0 + "attn1.to_q", 16, 16, 4)
                .tensor(B0 + "attn1.to_q.alpha", Dtype.F32, new float[] {2f});
        LoraReport r = inspect(f.write(dir.resolve("a.safetensors")));
        double expected = reference(f, B0 + "attn1.to_q") * 2 / 4;
        assertThat(byId(r).get("video-self").deltaNorm()).isCloseTo(expected, within(expected * 1e-5));
        assertThat(r.alpha().values()).containsExactly(Map.entry("2", 1));
    }

    @Test
    void halfPrecisionTensorsAreDecoded() throws IOException {
        for (Dtype dtype : new Dtype[] {Dtype.BF16, Dtype.F16}) {
            LoraFiles f = new LoraFiles(3).lora(B0 + "audio_attn1.to_q", 8, 8, 4, dtype);
            LoraReport r = inspect(f.write(dir.resolve(dtype + ".safetensors")));
            LoraFiles.Values down = f.get(B0 + "audio_attn1.to_q.lora_A.weight");
            LoraFiles.Values up = f.get(B0 + "audio_attn1.to_q.lora_B.weight");
            double expected = LoraFiles.productNorm(LoraFiles.stored(up.data(), dtype), 8, 4,
                    LoraFiles.stored(down.data(), dtype), 8);
            assertThat(byId(r).get("audio-self").deltaNorm()).as(dtype.name()).isCloseTo(expected, within(expected * 1e-5));
            assertThat(r.dtypes()).containsExactly(Map.entry(dtype.name(), 2));
        }
    }

    @Test
    void lokrNormIsTheProductOfItsKroneckerFactorNorms() throws IOException {
        LoraFiles f = new LoraFiles(4);
        float[] w1 = f.random(4);
        float[] w2a = f.random(4 * 2);
        float[] w2b = f.random(2 * 8);
        f.tensor(B0 + "audio_ff.net.2.lokr_w1", Dtype.F32, w1, 2, 2)
                .tensor(B0 + "audio_ff.net.2.lokr_w2_a", Dtype.F32, w2a, 4, 2)
                .tensor(B0 + "audio_ff.net.2.lokr_w2_b", Dtype.F32, w2b, 2, 8)
                .tensor(B0 + "audio_ff.net.2.alpha", Dtype.F32, new float[] {1f});
        LoraReport r = inspect(f.write(dir.resolve("lokr.safetensors")));
        double expected = DeltaNorms.of(w1) * LoraFiles.productNorm(w2a, 4, 2, w2b, 8) * (1.0 / 2);
        assertThat(byId(r).get("audio-ff").deltaNorm()).isCloseTo(expected, within(expected * 1e-5));
        assertThat(r.networks()).containsExactly(Map.entry("LoKr", 1));
        assertThat(r.ranks()).containsExactly(Map.entry(2, 1));
        assertThat(verdicts(r).get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("fails");
        assertThat(verdicts(r).get("Lightricks ltx-pipelines").verdict()).isEqualTo("fails");
        assertThat(verdicts(r).get("ComfyUI").verdict()).isEqualTo("ok");
    }

    @Test
    void doraIsRecognisedAndLoadersThatDropTheMagnitudeAreFlagged() throws IOException {
        LoraFiles f = ltxLike(5).tensor(B0 + "attn1.to_q.dora_scale", Dtype.F32, new float[16], 16, 1);
        LoraReport r = inspect(f.write(dir.resolve("dora.safetensors")));
        assertThat(r.networks()).containsEntry("DoRA", 1).containsEntry("LoRA", 7);
        assertThat(verdicts(r).get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("partial");
        assertThat(verdicts(r).get("Lightricks ltx-pipelines").reasons()).anyMatch(s -> s.contains("the magnitude is ignored"));
        assertThat(r.notes()).anyMatch(n -> n.startsWith("DoRA"));
    }

    @Test
    void aiToolkitDoraMagnitudeIsDoraThatComfyAndDiffusersDoNotRead() throws IOException {
        LoraFiles f = ltxLike(5).tensor(B0 + "attn1.to_q.magnitude", Dtype.F32, new float[16], 16);
        LoraReport r = inspect(f.write(dir.resolve("dora.safetensors")));
        assertThat(r.networks()).containsEntry("DoRA", 1);
        assertThat(r.unrecognisedKeys()).isEmpty();
        Map<String, LoaderVerdict> v = verdicts(r);
        assertThat(v.get("ComfyUI").verdict()).isEqualTo("partial");
        assertThat(v.get("ComfyUI").reasons()).anyMatch(s -> s.contains(".magnitude"));
        assertThat(v.get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("fails");
        assertThat(v.get("Lightricks ltx-pipelines").verdict()).isEqualTo("partial");
    }

    @Test
    void fullRankLokrIgnoresAlphaAndKjnodesSliders() throws IOException {
        LoraFiles f = new LoraFiles(13).tensor(B0 + "attn1.to_q.lokr_w1", Dtype.F32, new LoraFiles(1).random(16), 4, 4)
                .tensor(B0 + "attn1.to_q.lokr_w2", Dtype.F32, new LoraFiles(2).random(16), 4, 4)
                .tensor(B0 + "attn1.to_q.alpha", Dtype.F32, new float[] {1e10f});
        LoraReport r = inspect(f.write(dir.resolve("lokr.safetensors")));
        double expected = DeltaNorms.of(f.get(B0 + "attn1.to_q.lokr_w1").data()) * DeltaNorms.of(f.get(B0 + "attn1.to_q.lokr_w2").data());
        assertThat(byId(r).get("video-self").deltaNorm()).isCloseTo(expected, within(expected * 1e-6));
        assertThat(r.ranks()).isEmpty();
        assertThat(r.notes()).anyMatch(n -> n.contains("full-rank LoKr"));
        assertThat(verdicts(r).get("KJNodes LTX2LoraLoaderAdvanced").verdict()).isEqualTo("caveats");
        assertThat(verdicts(r).get("KJNodes LTX2LoraLoaderAdvanced").reasons()).anyMatch(s -> s.contains("no effect"));
    }

    @Test
    void audioDeltasInALoraTrainedWithoutAudioAreAWarning() throws IOException {
        LoraReport r = inspect(ltxLike(6).meta("ss_output_name", "job").meta("training_config", DO_AUDIO_FALSE)
                .write(dir.resolve("a.safetensors")));
        assertThat(r.training().doAudio()).isFalse();
        assertThat(r.training().doAudioSource()).isEqualTo("metadata \"training_config\"");
        assertThat(r.warnings()).singleElement().asString()
                .contains("trained without audio").contains("audio-self").contains("a2v").contains("v2a")
                .doesNotContain("video-self").contains("lora strip --streams audio,a2v,v2a");

        LoraReport withAudio = inspect(ltxLike(6).meta("training_config", DO_AUDIO_FALSE.replace("false", "true"))
                .write(dir.resolve("b.safetensors")));
        assertThat(withAudio.training().doAudio()).isTrue();
        assertThat(withAudio.warnings()).isEmpty();

        LoraReport videoOnly = inspect(new LoraFiles(6).lora(B0 + "attn1.to_q", 16, 16, 4)
                .meta("training_config", DO_AUDIO_FALSE).write(dir.resolve("c.safetensors")));
        assertThat(videoOnly.warnings()).isEmpty();
    }

    @Test
    void theJobConfigNextToTheLoraIsReadWhenItNamesTheSameJob() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("output/job"));
        Path lora = ltxLike(7).meta("ss_output_name", "job").write(folder.resolve("job.safetensors"));
        // ai-toolkit's dataset default is do_audio: false, so a dataset without the key trains no audio.
        Files.writeString(folder.resolve("config.yaml"), "job: extension\nconfig:\n  name: job\n  process:\n"
                + "  - type: sd_trainer\n    datasets:\n    - folder_path: /data\n");
        LoraReport r = inspect(lora);
        assertThat(r.training().doAudio()).isFalse();
        assertThat(r.training().doAudioSource()).contains("config.yaml");
        assertThat(r.warnings()).anyMatch(w -> w.contains("trained without audio"));

        Files.writeString(folder.resolve("config.yaml"), "config:\n  name: another_job\n  process:\n"
                + "  - datasets:\n    - do_audio: false\n");
        assertThat(inspect(lora).training().doAudio()).isNull();
    }

    @Test
    void nonFiniteValuesAndStrayKeysAreWarnings() throws IOException {
        LoraFiles f = ltxLike(8);
        f.get(B0 + "audio_attn1.to_v.lora_B.weight").data()[3] = Float.NaN;
        f.tensor("some_other_thing.weight", Dtype.F32, new float[] {1f}, 1);
        LoraReport r = inspect(f.write(dir.resolve("a.safetensors")));
        assertThat(r.warnings()).anyMatch(w -> w.contains("NaN or Inf") && w.contains("audio_attn1.to_v"));
        assertThat(r.warnings()).anyMatch(w -> w.contains("not adapter tensors") && w.contains("some_other_thing.weight"));
        assertThat(byId(r).get("audio-self").notMeasured()).isEqualTo(1);
        assertThat(verdicts(r).get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("fails");
    }

    @Test
    void loaderVerdictsFollowKeyFormatAlphaAndConnectors() throws IOException {
        LoraReport demoLike = inspect(ltxLike(9).write(dir.resolve("demo.safetensors")));
        assertThat(verdicts(demoLike).values().stream().map(LoaderVerdict::verdict))
                .containsExactly("ok", "caveats", "ok", "ok");

        LoraFiles withAlpha = ltxLike(9).tensor(B0 + "attn1.to_q.alpha", Dtype.F32, new float[] {4f});
        Map<String, LoaderVerdict> alpha = verdicts(inspect(withAlpha.write(dir.resolve("alpha.safetensors"))));
        assertThat(alpha.get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("fails");
        assertThat(alpha.get("diffusers LTX2Pipeline.load_lora_weights").reasons().get(0)).contains(".alpha");
        assertThat(alpha.get("Lightricks ltx-pipelines").verdict()).isEqualTo("ok"); // alpha == rank

        LoraFiles kohya = new LoraFiles(9).tensor("lora_unet_transformer_blocks_0_attn1_to_q.lora_down.weight", Dtype.F32,
                new float[32], 2, 16).tensor("lora_unet_transformer_blocks_0_attn1_to_q.lora_up.weight", Dtype.F32, new float[32], 16, 2);
        Map<String, LoaderVerdict> k = verdicts(inspect(kohya.write(dir.resolve("kohya.safetensors"))));
        assertThat(k.get("ComfyUI").verdict()).isEqualTo("ok");
        assertThat(k.get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("fails");
        assertThat(k.get("Lightricks ltx-pipelines").verdict()).isEqualTo("fails");

        LoraFiles diffusers = new LoraFiles(9).lora("transformer.transformer_blocks.0.attn1.to_q", 16, 16, 4);
        Map<String, LoaderVerdict> d = verdicts(inspect(diffusers.write(dir.resolve("diffusers.safetensors"))));
        assertThat(d.get("ComfyUI").verdict()).isEqualTo("fails");
        assertThat(d.get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("ok");

        LoraFiles connectors = ltxLike(9).lora("diffusion_model.video_embeddings_connector.transformer_1d_blocks.0.attn1.to_q", 32, 32, 4);
        LoraReport c = inspect(connectors.write(dir.resolve("connectors.safetensors")));
        assertThat(byId(c).get("connectors").modules()).isEqualTo(1);
        assertThat(byId(c).get("connectors").kjnodesSliders()).containsExactly("video");
        assertThat(verdicts(c).get("diffusers LTX2Pipeline.load_lora_weights").verdict()).isEqualTo("partial");
        assertThat(verdicts(c).get("Lightricks ltx-pipelines").verdict()).isEqualTo("partial");
        assertThat(verdicts(c).get("KJNodes LTX2LoraLoaderAdvanced").reasons()).anyMatch(s -> s.contains("\"video\" slider"));
    }

    @Test
    void cliPrintsEveryStreamAndValidJson() throws IOException {
        Path file = ltxLike(10).meta("ss_output_name", "job").write(dir.resolve("a.safetensors"));
        CliRun text = CliRun.of("lora", "inspect", file.toString());
        assertThat(text.code()).isZero();
        for (Stream s : Stream.values()) {
            assertThat(text.out()).contains(s.id()).contains(s.label());
        }
        CliRun json = CliRun.of("lora", "inspect", "--json", file.toString());
        assertThat(json.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("streams")).hasSize(Stream.values().length);
        assertThat(root.get("metadata").get("ss_output_name").asText()).isEqualTo("job");
        assertThat(root.get("loaders")).hasSize(4);
    }

    private LoraReport inspect(Path file) throws IOException {
        try (SafetensorsFile f = ((Result.Ok<SafetensorsFile>) SafetensorsFile.open(file)).value()) {
            return ((Result.Ok<LoraReport>) LoraInspector.inspect(f)).value();
        }
    }

    private static double reference(LoraFiles f, String stem) {
        LoraFiles.Values down = f.get(stem + ".lora_A.weight");
        LoraFiles.Values up = f.get(stem + ".lora_B.weight");
        return LoraFiles.productNorm(up.data(), (int) up.shape()[0], (int) up.shape()[1], down.data(), (int) down.shape()[1]);
    }

    private static Map<String, StreamSummary> byId(LoraReport r) {
        return r.streams().stream().collect(Collectors.toMap(StreamSummary::id, Function.identity()));
    }

    private static Map<String, LoaderVerdict> verdicts(LoraReport r) {
        return r.loaders().stream().collect(Collectors.toMap(LoaderVerdict::loader, Function.identity(),
                (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
