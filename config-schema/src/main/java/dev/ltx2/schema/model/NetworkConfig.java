package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;
import java.util.Map;

/** {@code config.process[].network}: the LoRA ({@code NetworkConfig}) plus the fork's typed dropouts. */
public record NetworkConfig(Section section) {
    public static final Key<String> TYPE = Key.choice("type", "lora",
            "lora; dora (weight-decomposed: cannot be merged, slower per step, costly on quantized 19-22B models); "
                    + "lokr (Kronecker; lokr_full_rank defaults to true).", "lora", "dora", "lokr")
            .choices(false, Map.of(
                    "locon", "LyCORIS LoCon targets convolutions, which LTX-2's transformer LoRA does not have",
                    "lycoris", "LyCORIS LoCon targets convolutions, which LTX-2's transformer LoRA does not have",
                    "lorm", "LoRM is an SD-era low-rank conversion, not supported for LTX-2",
                    "fullrank", "full-rank training of a 19-22B transformer is out of scope for character LoRAs"));
    public static final Key<Long> LINEAR = Key.integer("linear", 4,
            "LoRA rank of the transformer's linear layers (the SOP uses 32).").atLeast(1).defaultShown("4 (= rank)");
    public static final Key<Long> RANK = Key.optionalInteger("rank",
            "Legacy name of linear; wins over linear when both are set.").atLeast(1);
    public static final Key<Double> LINEAR_ALPHA = Key.derivedNumber("linear_alpha", "= alpha",
            "LoRA alpha. LTX-2 LoRAs are saved in PEFT format with alpha forced to the rank (scale 1), so any other "
                    + "value is ignored.").above(0);
    public static final Key<Double> ALPHA = Key.number("alpha", 1.0, "Default for linear_alpha.").above(0);
    public static final Key<Double> DROPOUT = Key.optionalNumber("dropout",
            "Dropout on the LoRA's hidden activations.").atLeast(0).below(1);
    public static final Key<Double> RANK_DROPOUT = Key.optionalNumber("rank_dropout",
            "Zero whole rank dimensions at random (the SOP uses 0.1).").atLeast(0).below(1).fork();
    public static final Key<Double> MODULE_DROPOUT = Key.optionalNumber("module_dropout",
            "Skip whole LoRA modules at random.").atLeast(0).below(1).fork();
    public static final Key<Map<String, Object>> NETWORK_KWARGS = Key.map("network_kwargs",
            "Extra LoRASpecialNetwork arguments (ignore_if_contains, only_if_contains...). Do not repeat rank_dropout "
                    + "or module_dropout here.");
    public static final Key<Boolean> TRANSFORMER_ONLY = Key.bool("transformer_only", true,
            "Only wrap modules under transformer_blocks (every block Linear, audio and cross-modal included).");
    public static final Key<Boolean> LOKR_FULL_RANK = Key.bool("lokr_full_rank", true,
            "LoKr: full-rank factors (sets rank and alpha to 9999999999; linear is ignored).");
    public static final Key<Long> LOKR_FACTOR = Key.integer("lokr_factor", -1,
            "LoKr factor; -1 picks the largest.").atLeast(-1);
    public static final Key<Boolean> OLD_LOKR_FORMAT = Key.bool("old_lokr_format", false, "Save LoKr in the old format.");
    public static final Key<String> PRETRAINED_LORA_PATH = Key.path("pretrained_lora_path", PathKind.FILE,
            "Start from this LoRA file.");
    public static final Key<Boolean> ALL_LAYERS = Key.bool("all_layers", false,
            "Also add full-weight difference modules for non-linear layers.");
    public static final Key<Boolean> LAYER_OFFLOADING = Key.bool("layer_offloading", false,
            "RamTorch offloading of the network (upstream: does not work yet).")
            .warnWhenSet("network.layer_offloading does not work yet upstream (ramtorch); use model.layer_offloading");
    public static final Key<Long> CONV = Key.optionalInteger("conv", "Rank of convolution layers.").otherModels();
    public static final Key<Double> CONV_ALPHA = Key.optionalNumber("conv_alpha", "Alpha of convolution layers.")
            .defaultShown("= conv").otherModels();
    public static final Key<Map<String, Object>> LORM = Key.map("lorm", "LoRM settings.").otherModels();
    public static final Key<Boolean> SPLIT_MULTISTAGE_LORAS = Key.bool("split_multistage_loras", true,
            "Multi-stage models: one LoRA per stage.").otherModels();

    public static final SectionSpec SPEC = new SectionSpec("network", "config.process[].network",
            "The LoRA (toolkit/config_modules.py:NetworkConfig); rank_dropout and module_dropout are the fork's typed fields.",
            List.of(TYPE, LINEAR, RANK, LINEAR_ALPHA, ALPHA, DROPOUT, RANK_DROPOUT, MODULE_DROPOUT, NETWORK_KWARGS,
                    TRANSFORMER_ONLY, LOKR_FULL_RANK, LOKR_FACTOR, OLD_LOKR_FORMAT, PRETRAINED_LORA_PATH, ALL_LAYERS,
                    LAYER_OFFLOADING, CONV, CONV_ALPHA, LORM, SPLIT_MULTISTAGE_LORAS));

    public String type() {
        return section.get(TYPE);
    }

    /** The rank ai-toolkit uses: rank, else linear, else 4. */
    public long rank() {
        Long rank = section.get(RANK);
        return rank != null ? rank : section.get(LINEAR);
    }

    /** The alpha ai-toolkit passes: linear_alpha, else alpha. */
    public double linearAlpha() {
        Double a = section.get(LINEAR_ALPHA);
        return a != null ? a : section.get(ALPHA);
    }
}
