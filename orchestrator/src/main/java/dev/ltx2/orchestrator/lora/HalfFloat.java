package dev.ltx2.orchestrator.lora;

/** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat), via a lookup table. */
final class HalfFloat {
    private static final float[] TABLE = new float[1 << 16];

    static {
        for (int bits = 0; bits < TABLE.length; bits++) {
            TABLE[bits] = decode(bits);
        }
    }

    private HalfFloat() {}

    static float toFloat(short bits) {
        return TABLE[bits & 0xffff];
    }

    private static float decode(int bits) {
        int sign = (bits >>> 15) != 0 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0) {
            return sign * mantissa * 0x1p-24f; // subnormal
        }
        if (exponent == 0x1f) {
            return mantissa == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
        }
        return sign * (1 + mantissa / 1024f) * (float) Math.pow(2, exponent - 15);
    }
}
