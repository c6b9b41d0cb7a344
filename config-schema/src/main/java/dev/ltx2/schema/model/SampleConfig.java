package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.List;

/** {@code config.process[].sample} and {@code first_sample}: samples rendered during training ({@code SampleConfig}). */
public record SampleConfig(Section section) {
    public static final Key<String> SAMPLER = Key.text("sampler", "ddpm", "Sampler (flowmatch for LTX-2).");
    public static final Key<Long> SAMPLE_EVERY = Key.integer("sample_every", 100, "Steps between samples.").atLeast(1);
    public static final Key<Long> SAMPLE_START_STEP = Key.integer("sample_start_step", 0, "First step that samples.")
            .atLeast(0);
    public static final Key<Long> WIDTH = Key.integer("width", 512, "Width (LTX-2: a multiple of 32).").atLeast(1);
    public static final Key<Long> HEIGHT = Key.integer("height", 512, "Height (LTX-2: a multiple of 32).").atLeast(1);
    public static final Key<Object> NEG = Key.any("neg", "false", "Negative prompt (text).");
    public static final Key<Long> SEED = Key.integer("seed", 0, "Base seed.");
    public static final Key<Boolean> WALK_SEED = Key.bool("walk_seed", false, "Increment the seed per sample.");
    public static final Key<Double> GUIDANCE_SCALE = Key.number("guidance_scale", 7, "CFG scale.").atLeast(0);
    public static final Key<Long> SAMPLE_STEPS = Key.integer("sample_steps", 20, "Denoising steps.").atLeast(1);
    public static final Key<Double> NETWORK_MULTIPLIER = Key.number("network_multiplier", 1, "LoRA strength.");
    public static final Key<Double> GUIDANCE_RESCALE = Key.number("guidance_rescale", 0.0, "CFG rescale.").atLeast(0);
    public static final Key<String> FORMAT = Key.choice("format", "jpg",
            "Image format; videos (num_frames > 1) become animated webp.", "jpg", "jpeg", "png", "webp", "wav", "mp3",
            "flac", "ogg", "mp4");
    public static final Key<Double> ADAPTER_CONDITIONING_SCALE = Key.number("adapter_conditioning_scale", 1.0,
            "Adapter strength.");
    public static final Key<List<Double>> EXTRA_VALUES = Key.list("extra_values",
            new ValueType.FloatType(null, false, null, false), "Extra values passed to the model.");
    public static final Key<Long> NUM_FRAMES = Key.integer("num_frames", 1, "Frames (LTX-2: 8k+1, e.g. 121).").atLeast(1);
    public static final Key<Double> FPS = Key.number("fps", 16, "Frame rate.").above(0);
    public static final Key<List<String>> PROMPTS = Key.list("prompts", new ValueType.TextType(false),
            "Legacy: prompts as plain strings.");
    public static final Key<List<Section>> SAMPLES = Key.sections("samples", () -> SampleItem.SPEC,
            "Samples with per-sample settings.").defaultShown("from prompts");
    public static final Key<Boolean> DO_CFG_NORM = Key.bool("do_cfg_norm", false, "CFG normalisation (some models).");
    public static final Key<Double> REFINER_START_AT = Key.number("refiner_start_at", 0.5, "SDXL refiner start.")
            .otherModels();

    public static final SectionSpec SPEC = new SectionSpec("sample", "config.process[].sample",
            "Samples during training (toolkit/config_modules.py:SampleConfig); also used for first_sample.",
            List.of(SAMPLER, SAMPLE_EVERY, SAMPLE_START_STEP, WIDTH, HEIGHT, NEG, SEED, WALK_SEED, GUIDANCE_SCALE,
                    SAMPLE_STEPS, NETWORK_MULTIPLIER, GUIDANCE_RESCALE, FORMAT, ADAPTER_CONDITIONING_SCALE, EXTRA_VALUES,
                    NUM_FRAMES, FPS, PROMPTS, SAMPLES, DO_CFG_NORM, REFINER_START_AT));
}
