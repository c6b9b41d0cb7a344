package dev.ltx2.orchestrator.lora;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types a safetensors header may name (the safetensors 0.8 list). Sizes are in
 * bits because the FP4/FP6 types pack several elements per byte. Only the float types a
 * LoRA stores in practice are decoded ({@link #decodable()}); the rest are reported.
 */
public enum Dtype {
    BOOL(8), F4(4), F6_E2M3(6), F6_E3M2(6), U8(8), I8(8), F8_E5M2(8), F8_E4M3(8), F8_E8M0(8),
    I16(16), U16(16), F16(16), BF16(16), I32(32), U32(32), F32(32), C64(64), F64(64), I64(64), U64(64);

    private final int bits;

    Dtype(int bits) {
        this.bits = bits;
    }

    public static Optional<Dtype> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }

    /** Bytes for {@code elements} values, or -1 when they do not fill whole bytes. */
    public long bytesFor(long elements) {
        long totalBits = Math.multiplyExact(elements, (long) bits);
        return totalBits % 8 == 0 ? totalBits / 8 : -1;
    }

    public boolean decodable() {
        return this == F32 || this == F16 || this == BF16 || this == F64;
    }
}
