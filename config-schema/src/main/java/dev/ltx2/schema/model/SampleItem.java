package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;

/** {@code sample.samples[]}: one sample to render ({@code SampleItem}); unset keys come from {@code sample}. */
public record SampleItem(Section section) {
    public static final Key<String> PROMPT = Key.text("prompt", null, "The prompt ([trigger] is replaced).");
    public static final Key<Long> WIDTH = Key.optionalInteger("width", "Width (LTX-2: a multiple of 32).").atLeast(1)
            .defaultShown("= sample.width");
    public static final Key<Long> HEIGHT = Key.optionalInteger("height", "Height (LTX-2: a multiple of 32).").atLeast(1)
            .defaultShown("= sample.height");
    public static final Key<String> NEG = Key.text("neg", null, "Negative prompt.").defaultShown("= sample.neg");
    public static final Key<Long> SEED = Key.optionalInteger("seed", "Seed; null = automatic.");
    public static final Key<Double> GUIDANCE_SCALE = Key.optionalNumber("guidance_scale", "CFG scale.")
            .defaultShown("= sample.guidance_scale");
    public static final Key<Long> SAMPLE_STEPS = Key.optionalInteger("sample_steps", "Denoising steps.").atLeast(1)
            .defaultShown("= sample.sample_steps");
    public static final Key<Double> FPS = Key.optionalNumber("fps", "Frame rate.").above(0).defaultShown("= sample.fps");
    public static final Key<Long> NUM_FRAMES = Key.optionalInteger("num_frames", "Frames (LTX-2: 8k+1).").atLeast(1)
            .defaultShown("= sample.num_frames");
    public static final Key<String> CTRL_IMG = Key.path("ctrl_img", PathKind.OPTIONAL_FILE,
            "Control (first-frame) image for i2v samples.");
    public static final Key<Long> CTRL_IDX = Key.integer("ctrl_idx", 0, "Control index.").atLeast(0);
    public static final Key<String> CTRL_IMG_1 = Key.path("ctrl_img_1", PathKind.OPTIONAL_FILE, "First control image.")
            .defaultShown("= ctrl_img");
    public static final Key<String> CTRL_IMG_2 = Key.path("ctrl_img_2", PathKind.OPTIONAL_FILE, "Second control image.");
    public static final Key<String> CTRL_IMG_3 = Key.path("ctrl_img_3", PathKind.OPTIONAL_FILE, "Third control image.");
    public static final Key<Double> NETWORK_MULTIPLIER = Key.optionalNumber("network_multiplier", "LoRA strength.")
            .defaultShown("= sample.network_multiplier");
    public static final Key<Boolean> DO_CFG_NORM = Key.bool("do_cfg_norm", false, "CFG normalisation (some models).");

    public static final SectionSpec SPEC = new SectionSpec("sample_item", "config.process[].sample.samples[]",
            "One sample (toolkit/config_modules.py:SampleItem).",
            List.of(PROMPT, WIDTH, HEIGHT, NEG, SEED, GUIDANCE_SCALE, SAMPLE_STEPS, FPS, NUM_FRAMES, CTRL_IMG, CTRL_IDX,
                    CTRL_IMG_1, CTRL_IMG_2, CTRL_IMG_3, NETWORK_MULTIPLIER, DO_CFG_NORM));
}
