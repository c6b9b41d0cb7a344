package dev.ltx2.orchestrator.lora;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.cli.CliRun;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoraStripTest {
    static final String B0 = LoraInspectorTest.B0;
    static final Set<Stream> AUDIO_SIDE = Set.of(Stream.AUDIO_SELF, Stream.AUDIO_CROSS, Stream.AUDIO_FF, Stream.A2V, Stream.V2A);

    @TempDir Path dir;
    Path input;
    String inputHash;

    @BeforeEach
    void writeInput() throws IOException {
        input = LoraInspectorTest.ltxLike(11)
                .tensor(B0 + "audio_attn1.to_v.alpha", Dtype.F32, new float[] {4f})
                .meta("ss_output_name", "job").meta("software", "{\"name\":\"ai-toolkit\"}")
                .meta("sshs_model_hash", "abc").meta("sshs_legacy_hash", "def")
                .write(dir.resolve("in.safetensors"));
        inputHash = sha256(input);
    }

    @Test
    void removesTheChosenStreamsAndKeepsEverythingElseByteForByte() throws IOException {
        Path out = dir.resolve("out.safetensors");
        CliRun run = CliRun.of("lora", "strip", "--streams", "audio,a2v,v2a", input.toString(), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("removed 5 module(s), 11 tensor(s)");
        assertThat(sha256(input)).isEqualTo(inputHash);

        try (SafetensorsFile in = open(input); SafetensorsFile stripped = open(out)) {
            List<String> kept = names(stripped);
            assertThat(kept).allSatisfy(n -> assertThat(LoraKey.parse(n).orElseThrow().stream()).isNotIn(AUDIO_SIDE));
            assertThat(kept).containsExactlyInAnyOrderElementsOf(names(in).stream()
                    .filter(n -> !AUDIO_SIDE.contains(LoraKey.parse(n).orElseThrow().stream())).toList());
            for (String name : kept) {
                assertThat(stripped.bytes(entry(stripped, name))).isEqualTo(in.bytes(entry(in, name)));
            }
            var meta = stripped.header().metadata();
            assertThat(meta).containsEntry("ss_output_name", "job").containsEntry("software", "{\"name\":\"ai-toolkit\"}")
                    .doesNotContainKeys("sshs_model_hash", "sshs_legacy_hash");
            JsonNode note = new ObjectMapper().readTree(meta.get(LoraStripper.NOTE_KEY));
            assertThat(note).hasSize(1);
            assertThat(note.get(0).get("mode").asText()).isEqualTo("removed");
            assertThat(note.get(0).get("streams").toString()).isEqualTo("[\"audio-self\",\"audio-cross\",\"audio-ff\",\"a2v\",\"v2a\"]");
            assertThat(note.get(0).get("dropped_metadata")).hasSize(2);
        }
        LoraReport r = inspect(out);
        assertThat(r.streams().stream().filter(s -> Stream.byId(s.id()).orElseThrow().isAudioBranch()).mapToInt(StreamSummary::modules).sum())
                .isZero();
        assertThat(r.streams().stream().mapToInt(StreamSummary::modules).sum()).isEqualTo(3);
    }

    @Test
    void zeroKeepsTheKeysWithZeroWeightsAndTheAlpha() throws IOException {
        Path out = dir.resolve("zeroed.safetensors");
        CliRun run = CliRun.of("lora", "strip", "--streams", "audio-self", "--zero", input.toString(), "-o", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        try (SafetensorsFile in = open(input); SafetensorsFile zeroed = open(out)) {
            assertThat(names(zeroed)).containsExactlyInAnyOrderElementsOf(names(in));
            assertThat(zeroed.floats(entry(zeroed, B0 + "audio_attn1.to_v.lora_A.weight"))).containsOnly(0f);
            assertThat(zeroed.floats(entry(zeroed, B0 + "audio_attn1.to_v.lora_B.weight"))).containsOnly(0f);
            assertThat(zeroed.floats(entry(zeroed, B0 + "audio_attn1.to_v.alpha"))).containsExactly(4f);
            assertThat(zeroed.bytes(entry(zeroed, B0 + "attn1.to_q.lora_B.weight")))
                    .isEqualTo(in.bytes(entry(in, B0 + "attn1.to_q.lora_B.weight")));
        }
        var audioSelf = inspect(out).streams().stream().filter(s -> s.id().equals("audio-self")).findFirst().orElseThrow();
        assertThat(audioSelf.modules()).isEqualTo(1);
        assertThat(audioSelf.deltaNorm()).isZero();
    }

    @Test
    void strippingTwiceKeepsBothNotes() throws IOException {
        Path once = dir.resolve("once.safetensors");
        Path twice = dir.resolve("twice.safetensors");
        assertThat(CliRun.of("lora", "strip", "--streams", "a2v", input.toString(), "-o", once.toString()).code()).isZero();
        assertThat(CliRun.of("lora", "strip", "--streams", "v2a", once.toString(), "-o", twice.toString()).code()).isZero();
        try (SafetensorsFile f = open(twice)) {
            JsonNode note = new ObjectMapper().readTree(f.header().metadata().get(LoraStripper.NOTE_KEY));
            assertThat(note).hasSize(2);
            assertThat(note.get(1).get("source").asText()).isEqualTo("once.safetensors");
        }
    }

    @Test
    void refusesToOverwriteTheInputHoweverItIsNamed() throws IOException {
        Path alias = Files.createSymbolicLink(dir.resolve("alias.safetensors"), input);
        for (String target : List.of(input.toString(), dir.resolve("./sub/../in.safetensors").toString(), alias.toString())) {
            for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
                List<String> args = new java.util.ArrayList<>(List.of("lora", "strip", "--streams", "audio", input.toString(), "-o", target));
                args.addAll(extra);
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertThat(run.code()).isEqualTo(1);
                assertThat(run.err()).contains("refusing to overwrite the input");
            }
        }
        assertThat(sha256(input)).isEqualTo(inputHash);
    }

    @Test
    void anExistingOutputNeedsForce() throws IOException {
        Path out = Files.writeString(dir.resolve("taken.safetensors"), "keep me");
        CliRun run = CliRun.of("lora", "strip", "--streams", "audio", input.toString(), "-o", out.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(CliRun.of("lora", "strip", "--streams", "audio", input.toString(), "-o", out.toString(), "--force").code()).isZero();
        assertThat(inspect(out).tensors()).isEqualTo(10);
    }

    @Test
    void zeroingDoraIsRefusedBecauseTheMagnitudeWouldRemain() throws IOException {
        Path dora = LoraInspectorTest.ltxLike(12).tensor(B0 + "audio_attn1.to_v.dora_scale", Dtype.F32, new float[8], 8, 1)
                .write(dir.resolve("dora.safetensors"));
        Path out = dir.resolve("out.safetensors");
        CliRun run = CliRun.of("lora", "strip", "--streams", "audio", "--zero", dora.toString(), "-o", out.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("cannot zero DoRA module").contains("drop --zero");
        assertThat(out).doesNotExist();
        assertThat(CliRun.of("lora", "strip", "--streams", "audio", dora.toString(), "-o", out.toString()).code()).isZero();
    }

    @Test
    void unknownStreamsAreRejectedBeforeAnythingIsWritten() {
        Path out = dir.resolve("out.safetensors");
        CliRun run = CliRun.of("lora", "strip", "--streams", "audio,voice", input.toString(), "-o", out.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("unknown stream \"voice\"").contains("a2v");
        assertThat(out).doesNotExist();
    }

    private static SafetensorsFile open(Path p) {
        return ((Result.Ok<SafetensorsFile>) SafetensorsFile.open(p)).value();
    }

    private static LoraReport inspect(Path p) throws IOException {
        try (SafetensorsFile f = open(p)) {
            return ((Result.Ok<LoraReport>) LoraInspector.inspect(f)).value();
        }
    }

    private static List<String> names(SafetensorsFile f) {
        return f.header().tensors().stream().map(TensorEntry::name).collect(Collectors.toList());
    }

    private static TensorEntry entry(SafetensorsFile f, String name) {
        return f.header().tensors().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
