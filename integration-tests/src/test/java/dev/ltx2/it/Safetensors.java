package dev.ltx2.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Minimal safetensors reading for assertions: tensor names, that the data is all there, metadata. */
final class Safetensors {
    private Safetensors() {}

    /** Tensor names; fails if the header is malformed or any tensor's bytes lie past the end. */
    static List<String> tensorNames(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(len, 0);
            long headerLength = len.flip().getLong();
            if (headerLength <= 0 || headerLength > ch.size() - 8) {
                throw new IOException("bad header length " + headerLength);
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            ch.read(header, 8);
            JsonNode json = new ObjectMapper().readTree(header.array());
            long dataSize = ch.size() - 8 - headerLength;
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (name.equals("__metadata__")) {
                    continue;
                }
                long end = json.get(name).get("data_offsets").get(1).asLong();
                if (end > dataSize) {
                    throw new IOException(name + " ends at " + end + " past the data (" + dataSize + ")");
                }
                names.add(name);
            }
            return names;
        }
    }

    /** The {@code __metadata__} strings (empty when there are none). */
    static java.util.Map<String, String> metadata(Path file) throws IOException {
        byte[] all = java.nio.file.Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        JsonNode meta = new ObjectMapper().readTree(java.util.Arrays.copyOfRange(all, 8, 8 + (int) headerLength))
                .path("__metadata__");
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        meta.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** SHA-256 (hex) of the tensor data: the bytes after the header, as sd-webui-additional-networks hashes them. */
    static String dataSha256(Path file) throws IOException {
        byte[] all = java.nio.file.Files.readAllBytes(file);
        long headerLength = ByteBuffer.wrap(all, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(all, 8 + (int) headerLength, all.length - 8 - (int) headerLength);
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
