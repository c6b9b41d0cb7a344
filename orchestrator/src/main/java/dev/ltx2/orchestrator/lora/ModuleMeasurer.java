package dev.ltx2.orchestrator.lora;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Measures one module: rank, alpha, the scale loaders apply, and ||ΔW||_F. Scales follow
 * ComfyUI (comfy/weight_adapter/lora.py, lokr.py): alpha/rank when an alpha tensor exists,
 * else 1.
 */
final class ModuleMeasurer {
    static final String NON_FINITE = "non-finite values";

    private final SafetensorsFile file;

    ModuleMeasurer(SafetensorsFile file) {
        this.file = file;
    }

    ModuleResult measure(LoraModule m) {
        try {
            return switch (m.network()) {
                case LORA, DORA -> lora(m);
                case LOKR -> lokr(m);
                case DIFF -> diff(m);
                case LOHA -> new ModuleResult(m, NetworkType.LOHA, null, alpha(m), 1, null, "LoHa: norm not computed");
                case INCOMPLETE -> new ModuleResult(m, NetworkType.INCOMPLETE, null, null, 1, null,
                        "incomplete: only " + m.parts().keySet());
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModuleResult lora(LoraModule m) throws IOException {
        TensorEntry down = m.parts().get(Part.DOWN);
        TensorEntry up = m.parts().get(Part.UP);
        int rank = down.rows();
        Double alpha = alpha(m);
        double scale = alpha == null ? 1 : alpha / rank;
        if (up.columns() != rank) {
            return new ModuleResult(m, m.network(), rank, alpha, scale, null,
                    "shapes disagree: lora_down/A " + down.shapeText() + ", lora_up/B " + up.shapeText());
        }
        if (m.parts().containsKey(Part.MID)) {
            return new ModuleResult(m, m.network(), rank, alpha, scale, null, "Tucker lora_mid: norm not computed");
        }
        String unreadable = unreadable(down, up);
        if (unreadable != null) {
            return new ModuleResult(m, m.network(), rank, alpha, scale, null, unreadable);
        }
        double norm = DeltaNorms.ofProduct(file.floats(up), up.rows(), rank, file.floats(down), down.columns());
        return result(m, rank, alpha, scale, norm * Math.abs(scale));
    }

    /** ΔW = kron(w1, w2), so ||ΔW|| = ||w1||·||w2||; each factor may itself be a product a·b. */
    private ModuleResult lokr(LoraModule m) throws IOException {
        Double alpha = alpha(m);
        Integer dim = null;
        if (!m.parts().containsKey(Part.LOKR_W1) && m.parts().containsKey(Part.LOKR_W1_B)) {
            dim = m.parts().get(Part.LOKR_W1_B).rows();
        }
        if (!m.parts().containsKey(Part.LOKR_W2) && m.parts().containsKey(Part.LOKR_W2_B)) {
            dim = m.parts().get(Part.LOKR_W2_B).rows();
        }
        double scale = alpha != null && dim != null ? alpha / dim : 1;
        if (m.parts().containsKey(Part.LOKR_T2)) {
            return new ModuleResult(m, NetworkType.LOKR, dim, alpha, scale, null, "Tucker lokr_t2: norm not computed");
        }
        Double w1 = factorNorm(m, Part.LOKR_W1, Part.LOKR_W1_A, Part.LOKR_W1_B);
        Double w2 = factorNorm(m, Part.LOKR_W2, Part.LOKR_W2_A, Part.LOKR_W2_B);
        if (w1 == null || w2 == null) {
            return new ModuleResult(m, NetworkType.LOKR, dim, alpha, scale, null,
                    "incomplete or unreadable LoKr factors: " + m.parts().keySet());
        }
        return result(m, dim, alpha, scale, w1 * w2 * Math.abs(scale));
    }

    private Double factorNorm(LoraModule m, Part full, Part a, Part b) throws IOException {
        TensorEntry whole = m.parts().get(full);
        if (whole != null) {
            return unreadable(whole) == null ? DeltaNorms.of(file.floats(whole)) : null;
        }
        TensorEntry left = m.parts().get(a);
        TensorEntry right = m.parts().get(b);
        if (left == null || right == null || unreadable(left, right) != null || left.columns() != right.rows()) {
            return null;
        }
        return DeltaNorms.ofProduct(file.floats(left), left.rows(), right.rows(), file.floats(right), right.columns());
    }

    private ModuleResult diff(LoraModule m) throws IOException {
        TensorEntry diff = m.parts().get(Part.DIFF);
        String unreadable = unreadable(diff);
        if (unreadable != null) {
            return new ModuleResult(m, NetworkType.DIFF, null, null, 1, null, unreadable);
        }
        return result(m, null, null, 1, DeltaNorms.of(file.floats(diff)));
    }

    private static ModuleResult result(LoraModule m, Integer rank, Double alpha, double scale, double norm) {
        if (!Double.isFinite(norm)) {
            return new ModuleResult(m, m.network(), rank, alpha, scale, null, NON_FINITE + " (NaN or Inf)");
        }
        return new ModuleResult(m, m.network(), rank, alpha, scale, norm, null);
    }

    /** The stored alpha, or null when there is none (or it is not a readable scalar). */
    private Double alpha(LoraModule m) throws IOException {
        TensorEntry t = m.parts().get(Part.ALPHA);
        return t == null ? null : file.scalar(t);
    }

    private static String unreadable(TensorEntry... tensors) {
        for (TensorEntry t : tensors) {
            if (t.elements() > SafetensorsFile.MAX_DECODED_ELEMENTS) {
                return "tensor " + t.name() + " has " + t.elements() + " elements: too large to measure";
            }
            if (!t.dtype().decodable()) {
                return t.dtype() + " tensor " + t.name() + ": norm not computed (only F32, F16, BF16, F64 are read)";
            }
        }
        return null;
    }
}
