package dev.ltx2.orchestrator.lora;

import java.util.Arrays;

/** One tensor of a safetensors file: its name, type, shape and byte range in the data section. */
public record TensorEntry(String name, Dtype dtype, long[] shape, long begin, long end) {

    public long elements() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    public long bytes() {
        return end - begin;
    }

    public int rows() {
        return shape.length == 0 ? 1 : Math.toIntExact(shape[0]);
    }

    /** Elements per row: the product of every dimension after the first. */
    public int columns() {
        return shape.length == 0 ? 1 : Math.toIntExact(elements() / Math.max(shape[0], 1));
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorEntry t && name.equals(t.name) && dtype == t.dtype
                && Arrays.equals(shape, t.shape) && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }
}
