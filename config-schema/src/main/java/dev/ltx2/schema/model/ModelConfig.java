package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.List;
import java.util.Map;

/** {@code config.process[].model}: which LTX-2 and how it is loaded ({@code ModelConfig}, {@code ltx2.py}). */
public record ModelConfig(Section section) {
    public static final Key<String> ARCH = Key.choice("arch", null,
            "Model family: ltx2 (LTX-2, 19B), ltx2.3 (22B, Gemma from the hub unless te_name_or_path is local), "
                    + "ltx2.5 (22B, ComfyUI split files, int8 ConvRot).", Choices.ARCHES.toArray(String[]::new)).mandatory();
    public static final Key<String> NAME_OR_PATH = Key.path("name_or_path", PathKind.MODEL,
            "Diffusers folder, single .safetensors file or hub id of the model.").mandatory();
    public static final Key<String> EXTRAS_NAME_OR_PATH = Key.path("extras_name_or_path", PathKind.MODEL,
            "Where the VAEs, connectors, vocoder and text encoder come from when name_or_path lacks them.")
            .defaultShown("= name_or_path");
    public static final Key<String> TE_NAME_OR_PATH = Key.path("te_name_or_path", PathKind.MODEL,
            "Gemma text encoder: .safetensors, folder or hub id (needed offline for ltx2.3).");
    public static final Key<Map<String, Object>> MODEL_KWARGS = Key.map("model_kwargs",
            "Model arguments; for ltx2.5 the component files dit_path, text_encoder_path, video_vae_path, audio_vae_path.");
    public static final Key<Map<String, Object>> MODEL_PATHS = Key.map("model_paths", "Per-component paths (some models).");
    public static final Key<Boolean> QUANTIZE = Key.bool("quantize", false,
            "Quantize the transformer (all block linears; ltx2.5's int8 files are already quantized).");
    public static final Key<Boolean> QUANTIZE_TE = Key.bool("quantize_te", false, "Quantize the Gemma text encoder.")
            .defaultShown("= quantize");
    public static final Key<String> QTYPE = Key.text("qtype", "qfloat8",
            "Transformer quantization type; 'type|adapter' adds an accuracy recovery adapter.");
    public static final Key<String> QTYPE_TE = Key.text("qtype_te", "qfloat8", "Text encoder quantization type.");
    public static final Key<Map<String, Object>> QUANTIZE_KWARGS = Key.map("quantize_kwargs", "Extra quantizer arguments.");
    public static final Key<String> ACCURACY_RECOVERY_ADAPTER = Key.path("accuracy_recovery_adapter", PathKind.MODEL,
            "Accuracy recovery adapter for a low-bit qtype (none is published for LTX-2).");
    public static final Key<Boolean> LOW_VRAM = Key.bool("low_vram", false,
            "Keep the transformer on the CPU while loading; framewise VAE encoding.");
    public static final Key<Boolean> LAYER_OFFLOADING = Key.bool("layer_offloading", false,
            "Offload layers to CPU RAM (qfloat8 becomes torchao float8).").defaultShown("= auto_memory");
    public static final Key<Double> LAYER_OFFLOADING_TRANSFORMER_PERCENT = Key.number(
            "layer_offloading_transformer_percent", 1.0, "Share of transformer layers offloaded.").atLeast(0).atMost(1);
    public static final Key<Double> LAYER_OFFLOADING_TEXT_ENCODER_PERCENT = Key.number(
            "layer_offloading_text_encoder_percent", 1.0, "Share of text encoder layers offloaded.").atLeast(0).atMost(1);
    public static final Key<Boolean> AUTO_MEMORY = Key.bool("auto_memory", false, "Deprecated name of layer_offloading.")
            .warnWhenSet("auto_memory is deprecated upstream; use layer_offloading");
    public static final Key<Boolean> COMPILE = Key.bool("compile", false, "torch.compile the transformer (after the LoRA).");
    public static final Key<Boolean> BLOCK_COMPILE = Key.bool("block_compile", false,
            "Compile each of the 48 transformer blocks instead of the whole model.");
    public static final Key<String> COMPILE_MODE = Key.choice("compile_mode", "default", "torch.compile mode.",
            "default", "reduce-overhead", "max-autotune", "max-autotune-no-cudagraphs");
    public static final Key<Boolean> COMPILE_FULLGRAPH = Key.bool("compile_fullgraph", false,
            "Require a single graph (not with quantized + offloaded models).");
    public static final Key<Boolean> COMPILE_DYNAMIC = Key.bool("compile_dynamic", true, "Dynamic shapes in torch.compile.");
    public static final Key<Long> CACHE_SIZE_LIMIT = Key.optionalInteger("cache_size_limit",
            "torch._dynamo recompile cache size.").atLeast(1);
    public static final Key<String> DTYPE = Key.text("dtype", "float16", "Replaced by train.dtype at load time.")
            .warnWhenSet("model.dtype is replaced by train.dtype when the job starts; set train.dtype instead");
    public static final Key<String> LORA_PATH = Key.path("lora_path", PathKind.FILE, "A LoRA to fuse into the base model.");
    public static final Key<String> ASSISTANT_LORA_PATH = Key.path("assistant_lora_path", PathKind.FILE,
            "A LoRA active during training only (e.g. de-distillation).");
    public static final Key<String> INFERENCE_LORA_PATH = Key.path("inference_lora_path", PathKind.FILE,
            "A LoRA active during sampling only.");
    public static final Key<String> UNCONDITIONAL_LORA_PATH = Key.path("unconditional_lora_path", PathKind.FILE,
            "A LoRA active only in the unconditional CFG pass.");
    public static final Key<String> LATENT_SPACE_VERSION = Key.text("latent_space_version", null,
            "Cache version tag (default ltx2_v2 etc.); changing it invalidates cached latents.");
    public static final Key<List<String>> IGNORE_IF_CONTAINS = Key.list("ignore_if_contains",
            new ValueType.TextType(true), "Skip modules whose name contains any of these.").orNull().defaultShown("null");
    public static final Key<List<String>> ONLY_IF_CONTAINS = Key.list("only_if_contains",
            new ValueType.TextType(true), "Only modules whose name contains one of these.").orNull().defaultShown("null");
    public static final Key<String> VAE_DEVICE = Key.text("vae_device", null, "Device of the VAE.");
    public static final Key<String> VAE_DTYPE = Key.text("vae_dtype", null, "VAE precision.").defaultShown("= dtype");
    public static final Key<String> TE_DEVICE = Key.text("te_device", null, "Device of the text encoder.");
    public static final Key<String> TE_DTYPE = Key.text("te_dtype", null, "Text encoder precision.").defaultShown("= dtype");
    public static final Key<Boolean> IN_CONTEXT = Key.bool("in_context", false, "In-context (IC) LoRA training.");
    public static final Key<String> VAE_PATH = Key.path("vae_path", PathKind.MODEL,
            "Separate VAE; LTX-2 ignores it (its VAEs come from name_or_path or extras_name_or_path).");
    public static final Key<Boolean> IS_V2 = Key.bool("is_v2", false, "Legacy arch flag (SD 2).").otherModels();
    public static final Key<Boolean> IS_XL = Key.bool("is_xl", false, "Legacy arch flag (SDXL).").otherModels();
    public static final Key<Boolean> IS_V3 = Key.bool("is_v3", false, "Legacy arch flag (SD 3).").otherModels();
    public static final Key<Boolean> IS_PIXART = Key.bool("is_pixart", false, "Legacy arch flag.").otherModels();
    public static final Key<Boolean> IS_PIXART_SIGMA = Key.bool("is_pixart_sigma", false, "Legacy arch flag.").otherModels();
    public static final Key<Boolean> IS_AURAFLOW = Key.bool("is_auraflow", false, "Legacy arch flag.").otherModels();
    public static final Key<Boolean> IS_FLUX = Key.bool("is_flux", false, "Legacy arch flag (Flux).").otherModels();
    public static final Key<Boolean> IS_LUMINA2 = Key.bool("is_lumina2", false, "Legacy arch flag.").otherModels();
    public static final Key<Boolean> IS_SSD = Key.bool("is_ssd", false, "Legacy arch flag.").otherModels();
    public static final Key<Boolean> IS_VEGA = Key.bool("is_vega", false, "Legacy arch flag.").otherModels();
    public static final Key<Boolean> IS_V_PRED = Key.bool("is_v_pred", false, "v-prediction (SD 2).").otherModels();
    public static final Key<Boolean> USE_FLUX_CFG = Key.bool("use_flux_cfg", false, "Flux CFG.").otherModels();
    public static final Key<String> REFINER_NAME_OR_PATH = Key.path("refiner_name_or_path", PathKind.MODEL,
            "SDXL refiner.").otherModels();
    public static final Key<Double> REFINER_START_AT = Key.number("refiner_start_at", 0.5, "SDXL refiner start.")
            .otherModels();
    public static final Key<Boolean> USE_TEXT_ENCODER_1 = Key.bool("use_text_encoder_1", true, "SDXL TE 1.").otherModels();
    public static final Key<Boolean> USE_TEXT_ENCODER_2 = Key.bool("use_text_encoder_2", true, "SDXL TE 2.").otherModels();
    public static final Key<Boolean> EXPERIMENTAL_XL = Key.bool("experimental_xl", false, "SDXL experiment.").otherModels();
    public static final Key<Long> TEXT_ENCODER_BITS = Key.integer("text_encoder_bits", 16, "PixArt TE bits.").otherModels();
    public static final Key<String> UNET_PATH = Key.path("unet_path", PathKind.MODEL, "Separate UNet.").otherModels();
    public static final Key<Long> UNET_SAMPLE_SIZE = Key.optionalInteger("unet_sample_size", "UNet sample size.")
            .otherModels();
    public static final Key<Boolean> ATTN_MASKING = Key.bool("attn_masking", false,
            "Flux attention masking (upstream raises for other models).");
    public static final Key<Boolean> SPLIT_MODEL_OVER_GPUS = Key.bool("split_model_over_gpus", false,
            "Flux only (upstream raises for other models).");
    public static final Key<Double> SPLIT_MODEL_OTHER_MODULE_PARAM_COUNT_SCALE = Key.number(
            "split_model_other_module_param_count_scale", 0.3, "Flux model splitting.").otherModels();

    public static final SectionSpec SPEC = new SectionSpec("model", "config.process[].model",
            "The model (toolkit/config_modules.py:ModelConfig; LTX2Model in extensions_built_in/diffusion_models/ltx2/ltx2.py).",
            List.of(ARCH, NAME_OR_PATH, EXTRAS_NAME_OR_PATH, TE_NAME_OR_PATH, MODEL_KWARGS, MODEL_PATHS, QUANTIZE,
                    QUANTIZE_TE, QTYPE, QTYPE_TE, QUANTIZE_KWARGS, ACCURACY_RECOVERY_ADAPTER, LOW_VRAM, LAYER_OFFLOADING,
                    LAYER_OFFLOADING_TRANSFORMER_PERCENT, LAYER_OFFLOADING_TEXT_ENCODER_PERCENT, AUTO_MEMORY, COMPILE,
                    BLOCK_COMPILE, COMPILE_MODE, COMPILE_FULLGRAPH, COMPILE_DYNAMIC, CACHE_SIZE_LIMIT, DTYPE, LORA_PATH,
                    ASSISTANT_LORA_PATH, INFERENCE_LORA_PATH, UNCONDITIONAL_LORA_PATH, LATENT_SPACE_VERSION,
                    IGNORE_IF_CONTAINS, ONLY_IF_CONTAINS, VAE_DEVICE, VAE_DTYPE, TE_DEVICE, TE_DTYPE, IN_CONTEXT,
                    VAE_PATH, IS_V2, IS_XL, IS_V3, IS_PIXART, IS_PIXART_SIGMA, IS_AURAFLOW, IS_FLUX, IS_LUMINA2, IS_SSD,
                    IS_VEGA, IS_V_PRED, USE_FLUX_CFG, REFINER_NAME_OR_PATH, REFINER_START_AT, USE_TEXT_ENCODER_1,
                    USE_TEXT_ENCODER_2, EXPERIMENTAL_XL, TEXT_ENCODER_BITS, UNET_PATH, UNET_SAMPLE_SIZE, ATTN_MASKING,
                    SPLIT_MODEL_OVER_GPUS, SPLIT_MODEL_OTHER_MODULE_PARAM_COUNT_SCALE));

    /** The arch, or null when unset or invalid (already reported). */
    public String arch() {
        return section.get(ARCH);
    }

    public boolean quantize() {
        return section.get(QUANTIZE);
    }

    public boolean layerOffloading() {
        return section.getOr(LAYER_OFFLOADING, section.get(AUTO_MEMORY));
    }
}
