package dev.ltx2.orchestrator.lora;

/**
 * Frobenius norms of weight deltas without building the deltas. For a LoRA ΔW = B·A with
 * B (out×r) and A (r×in):
 * ||B·A||²_F = trace((BᵀB)(A·Aᵀ)) = Σ_ij (BᵀB)_ij (A·Aᵀ)_ij,
 * two r×r Gram matrices, so the work is about r/2 multiply-adds per stored value instead
 * of out·in·r for the product (docs/lora-format.md, "How inspect computes ΔW norms").
 */
public final class DeltaNorms {
    /** Rows summed in float before folding into double: fast, and the error stays small. */
    private static final int CHUNK = 256;
    private static final int TILE = 4;

    private DeltaNorms() {}

    /** ||up·down||_F for up (out×r) and down (r×in), both row-major. */
    public static double ofProduct(float[] up, int out, int r, float[] down, int in) {
        double[] upGram;
        double[] downGram;
        int width = r;
        if (r % TILE == 0) {
            upGram = gram(up, out, r, r, 1);     // vectors are B's rows
            downGram = gram(down, in, r, 1, in); // vectors are A's columns
        } else {
            width = r + TILE - r % TILE;
            upGram = gram(padRows(up, out, r, width), out, width, width, 1);
            downGram = gram(padRows(transpose(down, r, in), in, r, width), in, width, width, 1);
        }
        double sum = 0;
        for (int i = 0; i < width * width; i++) {
            sum += upGram[i] * downGram[i];
        }
        // Rounding can push an all-but-zero product slightly negative.
        return Math.sqrt(Math.max(sum, 0));
    }

    public static double of(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /**
     * Σ_i x_i x_iᵀ over n vectors of length r (a multiple of 4), where x_i[a] = m[i·si + a·sa].
     * 4×4 register tiles of fused multiply-adds over the upper triangle; the JIT does not
     * vectorise float reductions, so this is what makes a 1 GB LoRA take seconds.
     */
    static double[] gram(float[] m, int n, int r, int si, int sa) {
        double[] g = new double[r * r];
        for (int start = 0; start < n; start += CHUNK) {
            int stop = Math.min(n, start + CHUNK);
            for (int a = 0; a < r; a += TILE) {
                for (int b = a; b < r; b += TILE) {
                    tile(m, start, stop, si, a * sa, b * sa, sa, g, r, a, b);
                }
            }
        }
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < a; b++) {
                g[a * r + b] = g[b * r + a];
            }
        }
        return g;
    }

    private static void tile(float[] m, int start, int stop, int si, int a0, int b0, int sa,
                             double[] g, int r, int a, int b) {
        int a1 = a0 + sa, a2 = a1 + sa, a3 = a2 + sa;
        int b1 = b0 + sa, b2 = b1 + sa, b3 = b2 + sa;
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int i = start; i < stop; i++) {
            int o = i * si;
            float x0 = m[o + a0], x1 = m[o + a1], x2 = m[o + a2], x3 = m[o + a3];
            float y0 = m[o + b0], y1 = m[o + b1], y2 = m[o + b2], y3 = m[o + b3];
            c00 = Math.fma(x0, y0, c00); c01 = Math.fma(x0, y1, c01); c02 = Math.fma(x0, y2, c02); c03 = Math.fma(x0, y3, c03);
            c10 = Math.fma(x1, y0, c10); c11 = Math.fma(x1, y1, c11); c12 = Math.fma(x1, y2, c12); c13 = Math.fma(x1, y3, c13);
            c20 = Math.fma(x2, y0, c20); c21 = Math.fma(x2, y1, c21); c22 = Math.fma(x2, y2, c22); c23 = Math.fma(x2, y3, c23);
            c30 = Math.fma(x3, y0, c30); c31 = Math.fma(x3, y1, c31); c32 = Math.fma(x3, y2, c32); c33 = Math.fma(x3, y3, c33);
        }
        int r0 = a * r + b, r1 = r0 + r, r2 = r1 + r, r3 = r2 + r;
        g[r0] += c00; g[r0 + 1] += c01; g[r0 + 2] += c02; g[r0 + 3] += c03;
        g[r1] += c10; g[r1 + 1] += c11; g[r1 + 2] += c12; g[r1 + 3] += c13;
        g[r2] += c20; g[r2 + 1] += c21; g[r2 + 2] += c22; g[r2 + 3] += c23;
        g[r3] += c30; g[r3 + 1] += c31; g[r3 + 2] += c32; g[r3 + 3] += c33;
    }

    private static float[] padRows(float[] m, int n, int r, int width) {
        float[] out = new float[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m, i * r, out, i * width, r);
        }
        return out;
    }

    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[base + j];
            }
        }
        return t;
    }
}
