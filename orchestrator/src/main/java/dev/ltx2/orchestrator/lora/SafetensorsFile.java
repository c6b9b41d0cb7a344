package dev.ltx2.orchestrator.lora;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An open safetensors file: the validated header, and tensors read on demand through
 * memory maps, so inspecting a large LoRA never holds more than the tensors in flight.
 */
public final class SafetensorsFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final SafetensorsHeader header;
    private final long size;

    private SafetensorsFile(Path path, FileChannel channel, SafetensorsHeader header, long size) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.size = size;
    }

    public static Result<SafetensorsFile> open(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            return Result.err(Failure.user(name + ": is a directory, not a safetensors file", null));
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return Result.err(Failure.user(name + ": no such file", null));
        } catch (IOException e) {
            return Result.err(Failure.user(name + ": cannot be read: " + e.getMessage(), null));
        }
        try {
            long size = channel.size();
            ByteBuffer first = ByteBuffer.allocate(8);
            readFully(channel, first, 0);
            Result<Long> length = SafetensorsParser.headerLength(name, first, size);
            if (length instanceof Result.Err<Long> err) {
                channel.close();
                return Result.err(err.failure());
            }
            long n = ((Result.Ok<Long>) length).value();
            ByteBuffer json = ByteBuffer.allocate(Math.toIntExact(n));
            readFully(channel, json, 8);
            Result<SafetensorsHeader> header = SafetensorsParser.parse(name, json.array(), size);
            if (header instanceof Result.Err<SafetensorsHeader> err) {
                channel.close();
                return Result.err(err.failure());
            }
            return Result.ok(new SafetensorsFile(path, channel, ((Result.Ok<SafetensorsHeader>) header).value(), size));
        } catch (IOException e) {
            closeQuietly(channel);
            return Result.err(Failure.user(name + ": cannot be read: " + e.getMessage(), null));
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
    }

    public Path path() {
        return path;
    }

    public SafetensorsHeader header() {
        return header;
    }

    public long size() {
        return size;
    }

    /** A read-only little-endian view of a tensor's bytes. */
    public ByteBuffer bytes(TensorEntry tensor) throws IOException {
        if (tensor.bytes() == 0) {
            return ByteBuffer.allocate(0).order(ByteOrder.LITTLE_ENDIAN);
        }
        MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, header.dataStart() + tensor.begin(), tensor.bytes());
        return mapped.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies a tensor's bytes to {@code out} without mapping them (tensors of any size). */
    public void copyTo(TensorEntry tensor, WritableByteChannel out) throws IOException {
        long at = header.dataStart() + tensor.begin();
        long left = tensor.bytes();
        while (left > 0) {
            long n = channel.transferTo(at, left, out);
            if (n <= 0) {
                throw new IOException(path + ": ended inside tensor " + tensor.name() + " (file changed while reading?)");
            }
            at += n;
            left -= n;
        }
    }

    /** Largest tensor {@link #floats} decodes: one Java array. */
    public static final long MAX_DECODED_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The tensor as floats, row-major; only for {@link Dtype#decodable()} types. */
    public float[] floats(TensorEntry tensor) throws IOException {
        if (!tensor.dtype().decodable()) {
            throw new IllegalArgumentException(tensor.name() + ": " + tensor.dtype() + " is not a float type");
        }
        int n = Math.toIntExact(tensor.elements());
        float[] out = new float[n];
        ByteBuffer buf = bytes(tensor);
        switch (tensor.dtype()) {
            case F32 -> buf.asFloatBuffer().get(out);
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) buf.getDouble(i * 8);
                }
            }
            case BF16 -> {
                short[] raw = shorts(buf.asShortBuffer(), n);
                for (int i = 0; i < n; i++) {
                    out[i] = Float.intBitsToFloat(raw[i] << 16);
                }
            }
            case F16 -> {
                short[] raw = shorts(buf.asShortBuffer(), n);
                for (int i = 0; i < n; i++) {
                    out[i] = HalfFloat.toFloat(raw[i]);
                }
            }
            default -> throw new IllegalStateException("unreachable: " + tensor.dtype());
        }
        return out;
    }

    /** A one-element numeric tensor's value (alpha is stored as one), or null for other types. */
    public Double scalar(TensorEntry tensor) throws IOException {
        if (tensor.elements() != 1) {
            return null;
        }
        if (tensor.dtype().decodable()) {
            return (double) floats(tensor)[0];
        }
        ByteBuffer buf = bytes(tensor);
        return switch (tensor.dtype()) {
            case I64, U64 -> (double) buf.getLong(0);
            case I32 -> (double) buf.getInt(0);
            case U32 -> (double) Integer.toUnsignedLong(buf.getInt(0));
            case I16 -> (double) buf.getShort(0);
            case U16 -> (double) Short.toUnsignedInt(buf.getShort(0));
            case I8 -> (double) buf.get(0);
            case U8 -> (double) Byte.toUnsignedInt(buf.get(0));
            default -> null;
        };
    }

    private static short[] shorts(ShortBuffer buf, int n) {
        short[] raw = new short[n];
        buf.get(raw);
        return raw;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the first error is the one worth reporting
        }
    }
}
