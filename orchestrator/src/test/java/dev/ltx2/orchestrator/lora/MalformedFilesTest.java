package dev.ltx2.orchestrator.lora;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.cli.CliRun;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of broken file gives exit 1 and one clear line naming the file and the problem,
 * for both inspect and strip, and never a stack trace.
 */
class MalformedFilesTest {
    @TempDir Path dir;

    static Stream<Arguments> brokenFiles() {
        String ok = "{\"a.lora_A.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";
        return Stream.of(
                Arguments.of("empty file", new byte[0], "truncated: 0 bytes"),
                Arguments.of("shorter than the length prefix", new byte[5], "truncated: 5 bytes"),
                Arguments.of("zero header length", file(0, new byte[0], 0), "bad header length 0"),
                Arguments.of("absurd header length", withLength(-1L, ok, 16), "bad header length 18446744073709551615"),
                Arguments.of("header length past the end", withLength(4000, ok, 16), "only"),
                Arguments.of("header not JSON", header("not json at all", 0), "not valid JSON"),
                Arguments.of("header not UTF-8", file(4, new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}, 0), "not UTF-8"),
                Arguments.of("header a JSON list", header("[1,2]", 0), "not a JSON object"),
                Arguments.of("duplicate tensor", header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                        + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "Duplicate field"),
                Arguments.of("truncated data", header(ok, 10), "truncated: the tensors need 16 data bytes but the file holds 10"),
                Arguments.of("offsets out of range", header("{\"a.lora_A.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],"
                        + "\"data_offsets\":[64,80]}}", 16), "starts at data byte 64"),
                Arguments.of("overlapping tensors", header("{\"a.lora_A.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                        + "\"a.lora_B.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12), "overlapping"),
                Arguments.of("begin after end", header("{\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}", 8),
                        "data_offsets must be [begin, end]"),
                Arguments.of("trailing bytes", header(ok, 20), "4 bytes after the last tensor"),
                Arguments.of("wrong dtype for the byte range", header("{\"a.lora_A.weight\":{\"dtype\":\"F16\",\"shape\":[2,2],"
                        + "\"data_offsets\":[0,16]}}", 16), "shape [2, 2] of F16 needs 8 bytes but data_offsets give 16"),
                Arguments.of("unknown dtype", header("{\"a.lora_A.weight\":{\"dtype\":\"Q4_K\",\"shape\":[2,2],"
                        + "\"data_offsets\":[0,16]}}", 16), "unknown dtype \"Q4_K\""),
                Arguments.of("missing dtype", header("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", 4), "missing dtype"),
                Arguments.of("negative shape", header("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4),
                        "shape must be a list of non-negative integers"),
                Arguments.of("metadata not strings", header("{\"__metadata__\":{\"step\":3}}", 0), "\"step\" is not a string"),
                Arguments.of("sub-byte dtype with an odd count", header("{\"a\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,2]}}", 2),
                        "does not fill whole bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void inspectReportsTheProblemWithoutAStackTrace(String why, byte[] content, String problem) throws IOException {
        Path file = Files.write(dir.resolve("broken.safetensors"), content);
        CliRun run = CliRun.of("lora", "inspect", file.toString());
        assertClearError(run, file, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void stripReportsTheProblemAndWritesNothing(String why, byte[] content, String problem) throws IOException {
        Path file = Files.write(dir.resolve("broken.safetensors"), content);
        Path out = dir.resolve("out.safetensors");
        CliRun run = CliRun.of("lora", "strip", "--streams", "audio", file.toString(), "-o", out.toString());
        assertClearError(run, file, problem);
        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("broken.safetensors");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void jsonModeFailsTheSameWay(String why, byte[] content, String problem) throws IOException {
        Path file = Files.write(dir.resolve("broken.safetensors"), content);
        assertClearError(CliRun.of("lora", "inspect", "--json", file.toString()), file, problem);
    }

    @org.junit.jupiter.api.Test
    void missingFileAndDirectoryAreUserErrors() {
        assertClearError(CliRun.of("lora", "inspect", dir.resolve("nope.safetensors").toString()),
                dir.resolve("nope.safetensors"), "no such file");
        assertClearError(CliRun.of("lora", "inspect", dir.toString()), dir, "is a directory");
    }

    private static void assertClearError(CliRun run, Path file, String problem) {
        assertThat(run.code()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: " + file + ": ").contains(problem);
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
    }

    private static byte[] header(String json, int dataBytes) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        return file(raw.length, raw, dataBytes);
    }

    private static byte[] withLength(long length, String json, int dataBytes) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        byte[] content = file(raw.length, raw, dataBytes);
        ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN).putLong(0, length);
        return content;
    }

    private static byte[] file(long length, byte[] header, int dataBytes) {
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(length).put(header);
        byte[] out = buf.array();
        Arrays.fill(out, 8 + header.length, out.length, (byte) 1);
        return out;
    }
}
