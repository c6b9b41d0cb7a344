package dev.ltx2.schema.model;

import java.util.List;
import java.util.Map;

/** Names ai-toolkit accepts at the pin, in one place for the keys and rules that share them. */
public final class Choices {
    private Choices() {}

    /** {@code toolkit/train_tools.py:get_torch_dtype} for training precision. */
    public static final List<String> TRAIN_DTYPES =
            List.of("fp32", "float32", "float", "single", "bf16", "bfloat16", "fp16", "float16", "half");

    /** What a LoRA can be saved as. */
    public static final List<String> SAVE_DTYPES =
            List.of("float16", "fp16", "half", "bf16", "bfloat16", "float32", "fp32", "float", "single");

    /**
     * {@code toolkit/optimizer.py:get_optimizer} at the pin (lower-cased there). Names matched by
     * prefix upstream ({@code prodigy*}, {@code dadaptation*}) are listed by their working spellings.
     */
    public static final List<String> OPTIMIZERS = List.of(
            "adamw", "adam", "adamw8bit", "adam8bit", "adamw8", "adam8", "ademamix8bit", "lion8bit",
            "prodigy", "prodigyopt", "prodigy8bit", "dadaptation", "dadaptationadam", "dadaptationlion",
            "adafactor", "adagrad",
            "automagic", "automagic2", "automagic3", "automagicexperiment");

    /**
     * Optimizer names that exist upstream but fail in the patched fork, with why. (dadaptationadam
     * and dadaptationlion failed at the pin; patch 0013, SOP item U, fixes them.)
     */
    public static final Map<String, String> BROKEN_OPTIMIZERS = Map.of(
            "lion", "needs the lion-pytorch package, which the locked environment does not install; use lion8bit "
                    + "(bitsandbytes) or adamw");

    /** {@code toolkit/scheduler.py:get_lr_scheduler} names that work with the total_iters upstream adds. */
    public static final List<String> LR_SCHEDULERS =
            List.of("constant", "constant_with_warmup", "cosine", "cosine_with_restarts", "linear");

    public static final Map<String, String> BROKEN_LR_SCHEDULERS = Map.of(
            "step", "upstream passes total_iters to torch's StepLR, which rejects it (TypeError)",
            "polynomial", "upstream passes total_iters to diffusers' schedule, which rejects it",
            "piecewise_constant", "upstream passes total_iters to diffusers' schedule, which rejects it",
            "cosine_with_min_lr", "upstream passes total_iters to diffusers' schedule, which rejects it",
            "warmup_stable_decay", "upstream passes total_iters to diffusers' schedule, which rejects it");

    /** {@code toolkit/samplers/custom_flowmatch_sampler.py} and {@code BaseSDTrainProcess} timestep types. */
    public static final List<String> TIMESTEP_TYPES = List.of("sigmoid", "linear", "weighted", "lognorm_blend",
            "shift", "flux_shift", "lumina2_shift", "next_sample", "one_step", "two_step", "four_step", "eight_step");

    public static final List<String> ARCHES = List.of("ltx2", "ltx2.3", "ltx2.5");

    /**
     * {@code toolkit/util/quantize.py:get_qtype} at the pin: optimum-quanto types, torchao types and
     * the ostris backends (ConvRot, NVFP4, Orbit, UIntX).
     */
    public static final List<String> QTYPES = List.of(
            "qfloat8", "qfloat8_e4m3fn", "qfloat8_e5m2", "qint8", "qint4", "qint2",
            "float8", "int8",
            "convrot8", "convrot4", "convrotbitnet", "convrotcomfyw4a4",
            "convrotint2", "convrotint3", "convrotint4", "convrotint5", "convrotint6", "convrotint7", "convrotint8",
            "nvfp4", "orbit2", "orbit3", "orbit4", "orbitvq2", "orbitvq3", "orbitvq4",
            "uint2", "uint3", "uint4", "uint5", "uint6", "uint7", "uint8");
}
