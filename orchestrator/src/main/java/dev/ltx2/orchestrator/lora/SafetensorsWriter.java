package dev.ltx2.orchestrator.lora;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * Writes a safetensors file: tensors laid out in the given order, the header padded with
 * spaces to 8 bytes as the reference writer does. Writes to a temporary file next to the
 * target and moves it into place, so a failure never leaves half a file.
 */
public final class SafetensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a tensor's bytes come from. */
    public sealed interface Source permits Copy, Zeros, Bytes {}

    /** The same bytes as a tensor of an open file. */
    public record Copy(SafetensorsFile file, TensorEntry tensor) implements Source {}

    public record Zeros() implements Source {}

    public record Bytes(byte[] data) implements Source {}

    public record Tensor(String name, Dtype dtype, long[] shape, Source source) {}

    private SafetensorsWriter() {}

    public static void write(Path out, Map<String, String> metadata, List<Tensor> tensors) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Tensor t : tensors) {
            long size = t.dtype().bytesFor(elements(t.shape()));
            ObjectNode entry = header.putObject(t.name());
            entry.put("dtype", t.dtype().name());
            var shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = json.length + (8 - json.length % 8) % 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();

        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".partial");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(ch, head);
            for (Tensor t : tensors) {
                long size = t.dtype().bytesFor(elements(t.shape()));
                if (t.source() instanceof Copy c) {
                    checkSize(t, c.tensor().bytes(), size);
                    c.file().copyTo(c.tensor(), ch);
                } else if (t.source() instanceof Bytes b) {
                    checkSize(t, b.data().length, size);
                    writeAll(ch, ByteBuffer.wrap(b.data()));
                } else {
                    writeZeros(ch, size);
                }
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void checkSize(Tensor t, long have, long want) {
        if (have != want) {
            throw new IllegalArgumentException(t.name() + ": " + have + " bytes for a tensor of " + want);
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void writeZeros(FileChannel ch, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
        for (long left = size; left > 0; left -= zeros.capacity()) {
            ByteBuffer slice = zeros.duplicate().limit((int) Math.min(left, zeros.capacity()));
            writeAll(ch, slice);
        }
    }

    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
