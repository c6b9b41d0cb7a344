package dev.ltx2.orchestrator.lora;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a safetensors header the way the reference (Rust) implementation does, so a file
 * this accepts is one every loader accepts: an 8-byte little-endian length, a UTF-8 JSON
 * object, known dtypes, byte ranges that match each shape and tile the data section exactly.
 * Every problem becomes a user {@link Failure} naming the file, never an exception.
 */
public final class SafetensorsParser {
    /** The reference implementation refuses larger headers too. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    private static final String FIX = "the file is damaged or not a safetensors file; re-download or re-save it";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final String file;

    private SafetensorsParser(String file) {
        this.file = file;
    }

    /** Reads the length prefix; {@code first8} holds the file's first bytes (fewer if it is shorter). */
    public static Result<Long> headerLength(String file, ByteBuffer first8, long fileSize) {
        SafetensorsParser p = new SafetensorsParser(file);
        if (fileSize < 8) {
            return p.fail("truncated: " + fileSize + " bytes, but a safetensors file starts with an 8-byte header length");
        }
        long n = first8.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        if (n <= 0 || n > MAX_HEADER_BYTES) {
            return p.fail("bad header length " + Long.toUnsignedString(n) + " (must be 1.." + MAX_HEADER_BYTES + ")");
        }
        if (n > fileSize - 8) {
            return p.fail("truncated: the header length says " + n + " bytes of JSON but only " + (fileSize - 8)
                    + " bytes follow");
        }
        return Result.ok(n);
    }

    /** Parses and validates the JSON header of a file of {@code fileSize} bytes. */
    public static Result<SafetensorsHeader> parse(String file, byte[] headerJson, long fileSize) {
        return new SafetensorsParser(file).parseHeader(headerJson, fileSize);
    }

    private Result<SafetensorsHeader> parseHeader(byte[] raw, long fileSize) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return fail("the header is not UTF-8 text");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return fail("the header is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return fail("the header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorEntry> tensors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals("__metadata__")) {
                Result<Map<String, String>> meta = metadata(field.getValue());
                if (meta instanceof Result.Err<Map<String, String>> err) {
                    return Result.err(err.failure());
                }
                metadata.putAll(((Result.Ok<Map<String, String>>) meta).value());
                continue;
            }
            Result<TensorEntry> entry = tensor(field.getKey(), field.getValue());
            if (entry instanceof Result.Err<TensorEntry> err) {
                return Result.err(err.failure());
            }
            tensors.add(((Result.Ok<TensorEntry>) entry).value());
        }
        long dataBytes = fileSize - 8 - raw.length;
        Result<Void> layout = checkLayout(tensors, dataBytes);
        if (layout instanceof Result.Err<Void> err) {
            return Result.err(err.failure());
        }
        return Result.ok(new SafetensorsHeader(raw.length, Map.copyOf(metadata), List.copyOf(tensors)));
    }

    private Result<Map<String, String>> metadata(JsonNode node) {
        if (!node.isObject()) {
            return fail("__metadata__ is not a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : node.properties()) {
            if (!f.getValue().isTextual()) {
                return fail("__metadata__ value \"" + f.getKey() + "\" is not a string");
            }
            out.put(f.getKey(), f.getValue().asText());
        }
        return Result.ok(out);
    }

    private Result<TensorEntry> tensor(String name, JsonNode node) {
        String where = "tensor \"" + name + "\": ";
        if (!node.isObject()) {
            return fail(where + "entry is not a JSON object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            return fail(where + "missing dtype");
        }
        Dtype dtype = Dtype.named(dtypeNode.asText()).orElse(null);
        if (dtype == null) {
            return fail(where + "unknown dtype \"" + dtypeNode.asText() + "\"");
        }
        long[] shape = longs(node.get("shape"), -1);
        if (shape == null) {
            return fail(where + "shape must be a list of non-negative integers");
        }
        long[] offsets = longs(node.get("data_offsets"), 2);
        if (offsets == null || offsets[0] > offsets[1]) {
            return fail(where + "data_offsets must be [begin, end] with 0 <= begin <= end");
        }
        TensorEntry entry = new TensorEntry(name, dtype, shape, offsets[0], offsets[1]);
        long expected;
        try {
            expected = dtype.bytesFor(entry.elements());
        } catch (ArithmeticException e) {
            return fail(where + "shape " + entry.shapeText() + " is too large");
        }
        if (expected < 0) {
            return fail(where + "shape " + entry.shapeText() + " of " + dtype + " does not fill whole bytes");
        }
        if (expected != entry.bytes()) {
            return fail(where + "shape " + entry.shapeText() + " of " + dtype + " needs " + expected
                    + " bytes but data_offsets give " + entry.bytes() + " (wrong dtype or shape)");
        }
        return Result.ok(entry);
    }

    private static long[] longs(JsonNode node, int length) {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            return null;
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                return null;
            }
            out[i] = v.asLong();
        }
        return out;
    }

    private Result<Void> checkLayout(List<TensorEntry> tensors, long dataBytes) {
        List<TensorEntry> byOffset = new ArrayList<>(tensors);
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long expectedBegin = 0;
        TensorEntry previous = null;
        for (TensorEntry t : byOffset) {
            if (t.begin() != expectedBegin) {
                String other = previous == null ? "the start of the data" : "tensor \"" + previous.name() + "\"";
                return fail("tensor \"" + t.name() + "\" starts at data byte " + t.begin() + " but " + other
                        + (t.begin() < expectedBegin ? " ends at " : " leaves a gap, ending at ") + expectedBegin
                        + " (offsets out of range or overlapping)");
            }
            expectedBegin = t.end();
            previous = t;
        }
        if (expectedBegin > dataBytes) {
            return fail("truncated: the tensors need " + expectedBegin + " data bytes but the file holds "
                    + Math.max(dataBytes, 0) + (previous == null ? "" : " (tensor \"" + previous.name() + "\" ends at "
                    + previous.end() + ")"));
        }
        if (expectedBegin < dataBytes) {
            return fail((dataBytes - expectedBegin) + " bytes after the last tensor are not described by the header");
        }
        return Result.ok(null);
    }

    private <T> Result<T> fail(String problem) {
        return Result.err(Failure.user(file + ": " + problem, FIX));
    }
}
