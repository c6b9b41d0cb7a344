package dev.ltx2.orchestrator.lora;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds small LoRA files for tests, with the values kept so tests can recompute norms. */
final class LoraFiles {
    /** One tensor and its values, row-major. */
    record Values(String name, Dtype dtype, long[] shape, float[] data) {}

    private final List<Values> tensors = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Random random;

    LoraFiles(long seed) {
        random = new Random(seed);
    }

    LoraFiles meta(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    /** A LoRA module: down (rank×in) and up (out×rank) under the given key stem. */
    LoraFiles lora(String stem, int in, int out, int rank, Dtype dtype) {
        return tensor(stem + ".lora_A.weight", dtype, random(rank * in), rank, in)
                .tensor(stem + ".lora_B.weight", dtype, random(out * rank), out, rank);
    }

    LoraFiles lora(String stem, int in, int out, int rank) {
        return lora(stem, in, out, rank, Dtype.F32);
    }

    LoraFiles tensor(String name, Dtype dtype, float[] data, long... shape) {
        tensors.add(new Values(name, dtype, shape, data));
        return this;
    }

    float[] random(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    Values get(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    Path write(Path file) throws IOException {
        List<SafetensorsWriter.Tensor> out = new ArrayList<>();
        for (Values t : tensors) {
            out.add(new SafetensorsWriter.Tensor(t.name(), t.dtype(), t.shape(),
                    new SafetensorsWriter.Bytes(encode(t.data(), t.dtype()))));
        }
        SafetensorsWriter.write(file, metadata, out);
        return file;
    }

    static byte[] encode(float[] values, Dtype dtype) {
        int width = switch (dtype) {
            case F32 -> 4;
            case F16, BF16 -> 2;
            default -> throw new IllegalArgumentException(dtype.name());
        };
        ByteBuffer buf = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (dtype) {
                case F32 -> buf.putFloat(v);
                case BF16 -> buf.putShort((short) (Float.floatToIntBits(v) >>> 16));
                default -> buf.putShort(toHalf(v));
            }
        }
        return buf.array();
    }

    /** float to IEEE half, round-to-nearest; enough for test values of moderate size. */
    static short toHalf(float v) {
        int bits = Float.floatToIntBits(v);
        int sign = (bits >>> 16) & 0x8000;
        int exp = ((bits >>> 23) & 0xff) - 127 + 15;
        int mant = bits & 0x7fffff;
        if (exp <= 0) {
            return (short) sign; // flush tiny values to zero
        }
        if (exp >= 31) {
            return (short) (sign | 0x7c00);
        }
        int half = sign | (exp << 10) | (mant >>> 13);
        if ((mant & 0x1000) != 0) {
            half++; // round half up on the dropped bits
        }
        return (short) half;
    }

    /** Values as the file stores them (BF16/F16 lose precision): what a reader should see. */
    static float[] stored(float[] values, Dtype dtype) {
        if (dtype == Dtype.F32) {
            return values.clone();
        }
        ByteBuffer buf = ByteBuffer.wrap(encode(values, dtype)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            short s = buf.getShort();
            out[i] = dtype == Dtype.BF16 ? Float.intBitsToFloat(s << 16) : HalfFloat.toFloat(s);
        }
        return out;
    }

    /** ||up·down||_F by building the product: the slow reference the tests compare against. */
    static double productNorm(float[] up, int out, int rank, float[] down, int in) {
        double sum = 0;
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < in; j++) {
                double v = 0;
                for (int k = 0; k < rank; k++) {
                    v += (double) up[i * rank + k] * down[k * in + j];
                }
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }
}
