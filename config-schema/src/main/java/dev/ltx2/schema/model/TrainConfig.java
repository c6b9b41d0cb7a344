package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code config.process[].train}: the training loop ({@code toolkit/config_modules.py:TrainConfig}
 * at the pin) plus the audio keys the patched fork adds.
 */
public record TrainConfig(Section section) {

    // ---- the loop ----
    public static final Key<Long> STEPS = Key.integer("steps", 1000, "Optimizer steps to train.").atLeast(1);
    public static final Key<Long> BATCH_SIZE = Key.integer("batch_size", 1,
            "Default batch size (a dataset's own batch_size overrides it).").atLeast(1);
    public static final Key<Long> GRADIENT_ACCUMULATION = Key.integer("gradient_accumulation", 1,
            "Batches accumulated per optimizer step.").atLeast(1);
    public static final Key<Long> GRADIENT_ACCUMULATION_STEPS = Key.integer("gradient_accumulation_steps", 1,
            "Legacy accumulation that shows a step per batch; -1 accumulates a whole epoch. Exclusive with gradient_accumulation.")
            .atLeast(-1);
    public static final Key<String> DTYPE = Key.choice("dtype", "fp32", "Training precision (also sets model.dtype).",
            Choices.TRAIN_DTYPES.toArray(String[]::new));
    public static final Key<Boolean> GRADIENT_CHECKPOINTING = Key.bool("gradient_checkpointing", true,
            "Recompute activations in the backward pass (diffusers' checkpointing on every transformer block).");
    public static final Key<Double> MAX_GRAD_NORM = Key.number("max_grad_norm", 1.0,
            "Gradient clipping norm; 0 disables clipping.").atLeast(0);
    public static final Key<Long> START_STEP = Key.optionalInteger("start_step",
            "Step number to start counting from (normally taken from the checkpoint).").atLeast(0);
    public static final Key<Boolean> DISABLE_SAMPLING = Key.bool("disable_sampling", false,
            "Never render samples (no vocoder or mp4 mux during training).");
    public static final Key<Boolean> SKIP_FIRST_SAMPLE = Key.bool("skip_first_sample", false, "Skip the samples before step 1.");
    public static final Key<Boolean> FORCE_FIRST_SAMPLE = Key.bool("force_first_sample", false,
            "Render samples before step 1 even when resuming.");

    // ---- learning rate and optimizer ----
    public static final Key<Double> LR = Key.number("lr", 1e-6,
            "Learning rate (Prodigy and DAdaptation use values below 0.1 as 1.0).").above(0);
    public static final Key<Double> UNET_LR = Key.derivedNumber("unet_lr", "= lr", "Learning rate of the transformer LoRA.").above(0);
    public static final Key<String> OPTIMIZER = Key.choice("optimizer", "adamw",
            "Optimizer (toolkit/optimizer.py); names are case-insensitive.",
            Choices.OPTIMIZERS.toArray(String[]::new)).choices(true, Choices.BROKEN_OPTIMIZERS);
    public static final Key<Map<String, Object>> OPTIMIZER_PARAMS = Key.map("optimizer_params",
            "Keyword arguments for the optimizer (e.g. weight_decay, betas); checked against its constructor.");
    public static final Key<String> LR_SCHEDULER = Key.choice("lr_scheduler", "constant",
            "LR schedule over `steps`. `linear` is a decay from lr to 0 in the patched fork "
                    + "(upstream ramps lr/3 → lr unless lr_scheduler_params say otherwise).",
            Choices.LR_SCHEDULERS.toArray(String[]::new)).choices(false, Choices.BROKEN_LR_SCHEDULERS);
    public static final Key<Map<String, Object>> LR_SCHEDULER_PARAMS = Key.map("lr_scheduler_params",
            "Keyword arguments for the schedule (num_warmup_steps, eta_min, start_factor...); checked per schedule.");

    // ---- noise and timesteps ----
    public static final Key<String> NOISE_SCHEDULER = Key.text("noise_scheduler", "ddpm",
            "Timestep sampler; LTX-2 is flow matching, so use flowmatch (timestep_type applies only then).");
    public static final Key<String> TIMESTEP_TYPE = Key.choice("timestep_type", "sigmoid",
            "Timestep distribution for flowmatch; the UI uses weighted for LTX-2.",
            Choices.TIMESTEP_TYPES.toArray(String[]::new));
    public static final Key<String> CONTENT_OR_STYLE = Key.choice("content_or_style", "balanced",
            "Bias timesteps towards content (high noise), style (low noise) or neither.", "balanced", "content", "style");
    public static final Key<Long> NUM_TRAIN_TIMESTEPS = Key.integer("num_train_timesteps", 1000,
            "Number of training timesteps.").atLeast(1);
    public static final Key<Long> MIN_DENOISING_STEPS = Key.integer("min_denoising_steps", 0,
            "Lowest timestep index sampled.").atLeast(0);
    public static final Key<Long> MAX_DENOISING_STEPS = Key.integer("max_denoising_steps", 999,
            "Highest timestep index sampled.").atLeast(0);
    public static final Key<Boolean> LINEAR_TIMESTEPS = Key.bool("linear_timesteps", false, "Force linear timesteps.");
    public static final Key<Boolean> LINEAR_TIMESTEPS2 = Key.bool("linear_timesteps2", false, "Force linear timesteps (variant).");
    public static final Key<Long> NEXT_SAMPLE_TIMESTEPS = Key.integer("next_sample_timesteps", 8,
            "Steps simulated by timestep_type next_sample.").atLeast(1);
    public static final Key<Double> NOISE_OFFSET = Key.number("noise_offset", 0.0,
            "Per-channel noise offset. Upstream raises ValueError on LTX-2's 5-D latents; the patched fork applies a "
                    + "(B,C,1,1,1) offset.").atLeast(0);
    public static final Key<Boolean> DYNAMIC_NOISE_OFFSET = Key.bool("dynamic_noise_offset", false,
            "Scale the noise offset with the timestep.");
    public static final Key<Double> MIN_SNR_GAMMA = Key.optionalNumber("min_snr_gamma",
            "Min-SNR loss weighting γ; null or 0 disables. Upstream crashes on LTX-2 (no alphas_cumprod); the patched "
                    + "fork weights by flow-matching SNR ((1−σ)/σ)², clamped at γ.").atLeast(0);
    public static final Key<Double> SNR_GAMMA = Key.optionalNumber("snr_gamma",
            "Fixed SNR weighting γ (a DDPM-era option); null disables.").atLeast(0);
    public static final Key<Boolean> LEARNABLE_SNR_GOS = Key.bool("learnable_snr_gos", false,
            "Learn gamma/offset/scale of an SNR weighting.");
    public static final Key<Double> NOISE_MULTIPLIER = Key.number("noise_multiplier", 1.0, "Scale of the sampled noise.");
    public static final Key<Double> TARGET_NOISE_MULTIPLIER = Key.number("target_noise_multiplier", 1.0,
            "Scale of the noise in the target.");
    public static final Key<Double> RANDOM_NOISE_MULTIPLIER = Key.number("random_noise_multiplier", 0.0,
            "Random jitter of the noise scale.").atLeast(0);
    public static final Key<Double> RANDOM_NOISE_SHIFT = Key.number("random_noise_shift", 0.0, "Random shift of the noise.");
    public static final Key<Boolean> FORCE_CONSISTENT_NOISE = Key.bool("force_consistent_noise", false,
            "Same noise for the same item at a given size.");
    public static final Key<Boolean> BLENDED_BLUR_NOISE = Key.bool("blended_blur_noise", false, "Blend blurred noise in.");
    public static final Key<Long> OPTIMAL_NOISE_PAIRING_SAMPLES = Key.integer("optimal_noise_pairing_samples", 1,
            "Noise candidates per item for optimal pairing (1 = off).").atLeast(1);

    // ---- loss ----
    public static final Key<String> LOSS_TYPE = Key.choice("loss_type", "mse", "Video loss function.",
            "mse", "mae", "wavelet", "stepped", "pixelspace", "mean_flow", "pseudo_huber");
    public static final Key<String> LOSS_TARGET = Key.choice("loss_target", "noise", "What the loss compares against.",
            "noise", "source", "unaugmented", "differential_noise");
    public static final Key<Double> MAX_LOSS = Key.optionalNumber("max_loss", "Clip the loss to this value; null = no clip.").above(0);
    public static final Key<Boolean> MAX_LOSS_DEBUG = Key.bool("max_loss_debug", false,
            "Raise with details when the loss exceeds max_loss.");
    public static final Key<Double> REG_WEIGHT = Key.number("reg_weight", 1.0,
            "Loss multiplier for regularisation datasets (is_reg).").atLeast(0);
    public static final Key<Double> PRED_SCALER = Key.number("pred_scaler", 1.0, "Scale the prediction before the loss.");
    public static final Key<Boolean> MATCH_NOISE_NORM = Key.bool("match_noise_norm", false,
            "Match the noise norm before the loss.");
    public static final Key<Boolean> CORRECT_PRED_NORM = Key.bool("correct_pred_norm", false,
            "Correct the prediction's norm drift in the target.");
    public static final Key<Double> CORRECT_PRED_NORM_MULTIPLIER = Key.number("correct_pred_norm_multiplier", 1.0,
            "Strength of correct_pred_norm.");
    public static final Key<Double> TARGET_NORM_STD = Key.optionalNumber("target_norm_std",
            "Extra loss pushing the output std towards target_norm_std_value; null = off.");
    public static final Key<Double> TARGET_NORM_STD_VALUE = Key.number("target_norm_std_value", 1.0,
            "Target standard deviation for target_norm_std.");
    public static final Key<Boolean> T0_LOSS_TARGET = Key.bool("t0_loss_target", false, "Compute the loss on the t=0 prediction.");
    public static final Key<Boolean> T0_VELOCITY_EQUIV_WEIGHT = Key.bool("t0_velocity_equiv_weight", false,
            "Weight the t0 loss like a velocity loss.");
    public static final Key<Boolean> DO_FFT_LOSS = Key.bool("do_fft_loss", false, "Add an FFT loss.");
    public static final Key<Boolean> DO_FFT_VELOCITY_EQUIV_WEIGHT = Key.bool("do_fft_velocity_equiv_weight", false,
            "Weight the FFT loss like a velocity loss.");
    public static final Key<Boolean> DO_PRIOR_DIVERGENCE = Key.bool("do_prior_divergence", false,
            "Negative loss on the prior prediction.");
    public static final Key<Boolean> INVERTED_MASK_PRIOR = Key.bool("inverted_mask_prior", false,
            "Use the base model's prediction as the target outside masks.");
    public static final Key<Double> INVERTED_MASK_PRIOR_MULTIPLIER = Key.number("inverted_mask_prior_multiplier", 0.5,
            "Weight of the inverted mask prior.");
    public static final Key<Boolean> DIFF_OUTPUT_PRESERVATION = Key.bool("diff_output_preservation", false,
            "Differential output preservation: keep the class's output without the trigger word (needs trigger_word).");
    public static final Key<Double> DIFF_OUTPUT_PRESERVATION_MULTIPLIER = Key.number("diff_output_preservation_multiplier",
            1.0, "Weight of the DOP loss (audio included, times audio_loss_multiplier).").atLeast(0);
    public static final Key<String> DIFF_OUTPUT_PRESERVATION_CLASS = Key.text("diff_output_preservation_class", "",
            "Class word that replaces the trigger word for DOP (e.g. 'woman').");
    public static final Key<Boolean> BLANK_PROMPT_PRESERVATION = Key.bool("blank_prompt_preservation", false,
            "Preserve the model's output for an empty prompt. Exclusive with diff_output_preservation.");
    public static final Key<Double> BLANK_PROMPT_PRESERVATION_MULTIPLIER = Key.number("blank_prompt_preservation_multiplier",
            1.0, "Weight of the blank prompt preservation loss.").atLeast(0);
    public static final Key<Boolean> DO_GUIDANCE_LOSS = Key.bool("do_guidance_loss", false,
            "Contrastive guidance loss (audio extrapolated like video).");
    public static final Key<Object> GUIDANCE_LOSS_TARGET = Key.any("guidance_loss_target", "3.0",
            "Guidance loss target scale: a number or a [min, max] pair.");
    public static final Key<Boolean> DO_GUIDANCE_LOSS_CFG_ZERO = Key.bool("do_guidance_loss_cfg_zero", false,
            "CFG-zero variant of the guidance loss.");
    public static final Key<String> GUIDANCE_LOSS_SCHEDULE = Key.choice("guidance_loss_schedule", "constant",
            "Guidance target schedule: constant, or sigma (decays towards 1 as σ falls).", "constant", "sigma");
    public static final Key<String> UNCONDITIONAL_PROMPT = Key.text("unconditional_prompt", "",
            "Prompt used as the unconditional branch.");
    public static final Key<Boolean> DO_DIFFERENTIAL_GUIDANCE = Key.bool("do_differential_guidance", false,
            "Differential guidance on the target.");
    public static final Key<Double> DIFFERENTIAL_GUIDANCE_SCALE = Key.number("differential_guidance_scale", 3.0,
            "Scale of differential guidance.");
    public static final Key<Boolean> DO_BLANK_STABILIZATION = Key.bool("do_blank_stabilization", false,
            "Push empty-prompt predictions towards zero.");
    public static final Key<Boolean> DO_CFG = Key.bool("do_cfg", false, "Train with classifier-free guidance.");
    public static final Key<Boolean> DO_RANDOM_CFG = Key.bool("do_random_cfg", false, "Random CFG scale per step.");
    public static final Key<Double> CFG_SCALE = Key.number("cfg_scale", 1.0, "CFG scale for do_cfg.");
    public static final Key<Double> MAX_CFG_SCALE = Key.derivedNumber("max_cfg_scale", "= cfg_scale", "Upper CFG scale for do_random_cfg.");
    public static final Key<Double> CFG_RESCALE = Key.optionalNumber("cfg_rescale", "CFG rescale; null = cfg_scale.").defaultShown("= cfg_scale");

    // ---- audio (LTX-2) ----
    public static final Key<Double> AUDIO_LOSS_MULTIPLIER = Key.number("audio_loss_multiplier", 1.0,
            "Scale of the audio loss added to the video loss (ignored when auto_balance_audio_loss is on).").atLeast(0);
    public static final Key<Boolean> AUTO_BALANCE_AUDIO_LOSS = Key.bool("auto_balance_audio_loss", false,
            "Set the audio multiplier each step from EMAs of the video and raw audio losses.").fork();
    public static final Key<Double> AUTO_BALANCE_AUDIO_TARGET_RATIO = Key.number("auto_balance_audio_target_ratio", 0.33,
            "Target audio/video loss ratio for auto-balance.").above(0).fork();
    public static final Key<Double> AUTO_BALANCE_AUDIO_EMA = Key.number("auto_balance_audio_ema", 0.99,
            "EMA decay of the loss averages for auto-balance.").above(0).below(1).fork();
    public static final Key<Double> AUTO_BALANCE_AUDIO_MIN = Key.number("auto_balance_audio_min", 0.05,
            "Lowest auto-balanced multiplier (below 1 allowed).").above(0).fork();
    public static final Key<Double> AUTO_BALANCE_AUDIO_MAX = Key.number("auto_balance_audio_max", 20.0,
            "Highest auto-balanced multiplier (≥ auto_balance_audio_min).").above(0).fork();
    public static final Key<Boolean> INDEPENDENT_AUDIO_TIMESTEP = Key.bool("independent_audio_timestep", true,
            "Sample the audio timestep (and audio σ) independently of the video's, once per step.").fork();
    public static final Key<String> AUDIO_TIMESTEP_DISTRIBUTION = Key.choice("audio_timestep_distribution",
            "shifted_logit_normal", "Distribution of the independent audio timestep.",
            "uniform", "shifted_logit_normal").fork();
    public static final Key<Boolean> STRICT_AUDIO_MODE = Key.bool("strict_audio_mode", false,
            "Stop training when the share of video steps with real audio falls below the minimum after warmup.").fork();
    public static final Key<Double> STRICT_AUDIO_MIN_SUPERVISED_RATIO = Key.number("strict_audio_min_supervised_ratio",
            0.9, "Minimum share of eligible video steps with real audio supervision.").atLeast(0).atMost(1).fork();
    public static final Key<Long> STRICT_AUDIO_WARMUP_STEPS = Key.integer("strict_audio_warmup_steps", 50,
            "Steps before strict audio mode starts checking.").atLeast(0).fork();
    public static final Key<String> VOICE_PRESERVATION = Key.choice("voice_preservation", "base",
            "Audio regulariser on audio-free batches: none, silence target, or the base model's audio prediction.",
            "none", "silence", "base").fork();
    public static final Key<Double> VOICE_PRESERVATION_WEIGHT = Key.number("voice_preservation_weight", 1.0,
            "Weight of the voice preservation term.").atLeast(0).fork();
    public static final Key<Boolean> TRAIN_CONNECTORS = Key.bool("train_connectors", false,
            "Also train a LoRA on LTX-2's text connectors (text-to-audio adaptation).").fork();

    // ---- speed ----
    public static final Key<Boolean> FAST_PATH = Key.bool("fast_path", true,
            "LTX-2 on CUDA: compile the transformer blocks, compute the LoRA in the base dtype with its scale "
                    + "folded, fused AdamW; false: upstream's eager step (docs/decisions.md, The fast path).").fork();

    // ---- text encoder and caching ----
    public static final Key<Boolean> TRAIN_UNET = Key.bool("train_unet", true, "Train the transformer (the LoRA target).");
    public static final Key<Boolean> TRAIN_TEXT_ENCODER = Key.bool("train_text_encoder", false,
            "Train the text encoder; upstream targets CLIP modules only, so on LTX-2's Gemma it creates no LoRA modules.");
    public static final Key<Boolean> UNLOAD_TEXT_ENCODER = Key.bool("unload_text_encoder", false,
            "Cache the trigger/blank prompt and move the text encoder to the CPU.");
    public static final Key<Boolean> CACHE_TEXT_EMBEDDINGS = Key.bool("cache_text_embeddings", false,
            "Cache text embeddings for every dataset and unload the text encoder (Gemma is ~24 GB in bf16).");
    public static final Key<Double> PROMPT_DROPOUT_PROB = Key.number("prompt_dropout_prob", 0.0,
            "Per-encoder prompt dropout before encoding.").atLeast(0).atMost(1);
    public static final Key<String> NEGATIVE_PROMPT = Key.text("negative_prompt", null, "Negative prompt for CFG training.");
    public static final Key<Long> MAX_NEGATIVE_PROMPTS = Key.integer("max_negative_prompts", 1,
            "Negative prompts per batch.").atLeast(1);
    public static final Key<Boolean> SHORT_AND_LONG_CAPTIONS = Key.bool("short_and_long_captions", false,
            "Train each item with its short and long caption (JSON captions).");
    public static final Key<Double> PROMPT_SATURATION_CHANCE = Key.number("prompt_saturation_chance", 0.0,
            "Chance to repeat the prompt to saturate the encoder.").atLeast(0).atMost(1);

    // ---- attention, memory ----
    public static final Key<Boolean> SDP = Key.bool("sdp", false, "Enable PyTorch SDP attention backends (already the default).");
    public static final Key<String> ATTENTION_BACKEND = Key.text("attention_backend", "native",
            "diffusers attention backend for transformer, VAE and TE: native, flash, _flash_3, sage... "
                    + "(masked text attention cannot use flash).");
    public static final Key<Boolean> DO_PARAMITER_SWAPPING = Key.bool("do_paramiter_swapping", false,
            "Train a rotating subset of parameters (Adafactor).");
    public static final Key<Double> PARAMITER_SWAPPING_FACTOR = Key.number("paramiter_swapping_factor", 0.1,
            "Share of parameters active with parameter swapping.").above(0).atMost(1);
    public static final Key<Boolean> SINGLE_ITEM_BATCHING = Key.bool("single_item_batching", false,
            "Run one item at a time and accumulate (big batches on small GPUs).");

    // ---- saving and merging ----
    public static final Key<Boolean> MERGE_NETWORK_ON_SAVE = Key.bool("merge_network_on_save", false,
            "Merge the LoRA into the weights when saving (not possible with DoRA).");
    public static final Key<Double> MERGE_NETWORK_ON_SAVE_STRENGTH = Key.number("merge_network_on_save_strength", 1.0,
            "Strength of the merge.");
    public static final Key<Double> WEIGHT_JITTER = Key.number("weight_jitter", 0.0, "Random weight jitter.").atLeast(0);
    public static final Key<Section> EMA_CONFIG = Key.section("ema_config", () -> EmaConfig.SPEC,
            "EMA of the trained weights.").orNull();
    public static final Key<Section> VALIDATION_CONFIG = Key.section("validation_config", () -> ValidationLossConfig.SPEC,
            "Validation loss on held-out items.").orNull();

    // ---- other latent tricks (model-agnostic) ----
    public static final Key<Double> IMG_MULTIPLIER = Key.number("img_multiplier", 1.0, "Scale of the input pixels.");
    public static final Key<Double> NOISY_LATENT_MULTIPLIER = Key.number("noisy_latent_multiplier", 1.0,
            "Scale of the noisy latents.");
    public static final Key<Double> LATENT_MULTIPLIER = Key.number("latent_multiplier", 1.0, "Scale of the clean latents.");
    public static final Key<Boolean> STANDARDIZE_IMAGES = Key.bool("standardize_images", false, "Standardise images.");
    public static final Key<Boolean> STANDARDIZE_LATENTS = Key.bool("standardize_latents", false, "Standardise latents.");
    public static final Key<Boolean> DO_SIGNAL_CORRECTION_NOISE = Key.bool("do_signal_correction_noise", false,
            "Signal correction noise.");
    public static final Key<Double> SIGNAL_CORRECTION_NOISE_SCALE = Key.number("signal_correction_noise_scale", 1.0,
            "Scale of signal correction noise.");
    public static final Key<Boolean> DO_BATCH_NOISE_CORRECTION = Key.bool("do_batch_noise_correction", false,
            "Use other batch items as noise to correct away from.");
    public static final Key<Double> BATCH_NOISE_CORRECTION_SCALE = Key.number("batch_noise_correction_scale", 0.1,
            "Scale of batch noise correction.");
    public static final Key<Boolean> DO_SIGNAL_AMPLIFICATION = Key.bool("do_signal_amplification", false,
            "Signal amplification (flow matching only).");
    public static final Key<Double> SIGNAL_AMPLIFICATION_STRENGTH = Key.number("signal_amplification_strength", 0.5,
            "Strength of signal amplification.");

    // ---- read for other model families only ----
    public static final Key<Double> TEXT_ENCODER_LR = Key.derivedNumber("text_encoder_lr", "= lr", "Text encoder learning rate.").above(0).otherModels();
    public static final Key<Double> REFINER_LR = Key.derivedNumber("refiner_lr", "= lr", "Refiner learning rate.").above(0)
            .otherModels();
    public static final Key<Double> EMBEDDING_LR = Key.derivedNumber("embedding_lr", "= lr", "Textual inversion learning rate.").above(0).otherModels();
    public static final Key<Double> ADAPTER_LR = Key.derivedNumber("adapter_lr", "= lr", "Adapter learning rate.").above(0)
            .otherModels();
    public static final Key<Boolean> XFORMERS = Key.bool("xformers", false, "xformers attention (UNet models).").otherModels();
    public static final Key<Boolean> TRAIN_REFINER = Key.bool("train_refiner", true, "Train the SDXL refiner.").otherModels();
    public static final Key<Boolean> TRAIN_TURBO = Key.bool("train_turbo", false, "Turbo (few-step) training.").otherModels();
    public static final Key<Boolean> SHOW_TURBO_OUTPUTS = Key.bool("show_turbo_outputs", false,
            "Decode turbo outputs (downloads TAESD).").otherModels();
    public static final Key<Boolean> FREE_U = Key.bool("free_u", false, "FreeU (UNet models).").otherModels();
    public static final Key<String> ADAPTER_ASSIST_NAME_OR_PATH = Key.text("adapter_assist_name_or_path", null,
            "Assistant adapter (T2I/ControlNet).").otherModels();
    public static final Key<String> ADAPTER_ASSIST_TYPE = Key.text("adapter_assist_type", "t2i",
            "Assistant adapter type.").otherModels();
    public static final Key<Boolean> MATCH_ADAPTER_ASSIST = Key.bool("match_adapter_assist", false,
            "Legacy: always match the assistant adapter.").otherModels();
    public static final Key<Double> MATCH_ADAPTER_CHANCE = Key.number("match_adapter_chance", 0.0,
            "Chance to match the assistant adapter.").otherModels();
    public static final Key<Boolean> ADAPTIVE_SCALING_FACTOR = Key.bool("adaptive_scaling_factor", false,
            "Adapt the VAE scaling factor to image norms (SD VAEs).").otherModels();
    public static final Key<Boolean> SHORT_AND_LONG_CAPTIONS_ENCODER_SPLIT = Key.bool(
            "short_and_long_captions_encoder_split", false, "SDXL: short caption to TE1, long to TE2.").otherModels();
    public static final Key<Boolean> BYPASS_GUIDANCE_EMBEDDING = Key.bool("bypass_guidance_embedding", false,
            "Bypass Flux's guidance embedding.").otherModels();
    public static final Key<String> LATENT_FEATURE_EXTRACTOR_PATH = Key.text("latent_feature_extractor_path", null,
            "Legacy name of diffusion_feature_extractor_path.").otherModels();
    public static final Key<Double> LATENT_FEATURE_LOSS_WEIGHT = Key.number("latent_feature_loss_weight", 1.0,
            "Legacy name of diffusion_feature_extractor_weight.").otherModels();
    public static final Key<String> DIFFUSION_FEATURE_EXTRACTOR_PATH = Key.text("diffusion_feature_extractor_path", null,
            "Diffusion feature extractor (image VAEs).").otherModels();
    public static final Key<Double> DIFFUSION_FEATURE_EXTRACTOR_WEIGHT = Key.derivedNumber("diffusion_feature_extractor_weight",
            "= latent_feature_loss_weight", "Weight of the feature extractor loss.").otherModels();
    public static final Key<Long> SWITCH_BOUNDARY_EVERY = Key.integer("switch_boundary_every", 1,
            "Multi-stage models: steps between stage switches.").otherModels();

    public static final SectionSpec SPEC = new SectionSpec("train", "config.process[].train",
            "The training loop (toolkit/config_modules.py:TrainConfig) and the patched fork's audio keys.", List.of(
            STEPS, BATCH_SIZE, GRADIENT_ACCUMULATION, GRADIENT_ACCUMULATION_STEPS, DTYPE, GRADIENT_CHECKPOINTING,
            MAX_GRAD_NORM, START_STEP, DISABLE_SAMPLING, SKIP_FIRST_SAMPLE, FORCE_FIRST_SAMPLE,
            LR, UNET_LR, OPTIMIZER, OPTIMIZER_PARAMS, LR_SCHEDULER, LR_SCHEDULER_PARAMS,
            NOISE_SCHEDULER, TIMESTEP_TYPE, CONTENT_OR_STYLE, NUM_TRAIN_TIMESTEPS, MIN_DENOISING_STEPS,
            MAX_DENOISING_STEPS, LINEAR_TIMESTEPS, LINEAR_TIMESTEPS2, NEXT_SAMPLE_TIMESTEPS, NOISE_OFFSET,
            DYNAMIC_NOISE_OFFSET, MIN_SNR_GAMMA, SNR_GAMMA, LEARNABLE_SNR_GOS, NOISE_MULTIPLIER, TARGET_NOISE_MULTIPLIER,
            RANDOM_NOISE_MULTIPLIER, RANDOM_NOISE_SHIFT, FORCE_CONSISTENT_NOISE, BLENDED_BLUR_NOISE,
            OPTIMAL_NOISE_PAIRING_SAMPLES,
            LOSS_TYPE, LOSS_TARGET, MAX_LOSS, MAX_LOSS_DEBUG, REG_WEIGHT, PRED_SCALER, MATCH_NOISE_NORM,
            CORRECT_PRED_NORM, CORRECT_PRED_NORM_MULTIPLIER, TARGET_NORM_STD, TARGET_NORM_STD_VALUE, T0_LOSS_TARGET,
            T0_VELOCITY_EQUIV_WEIGHT, DO_FFT_LOSS, DO_FFT_VELOCITY_EQUIV_WEIGHT, DO_PRIOR_DIVERGENCE,
            INVERTED_MASK_PRIOR, INVERTED_MASK_PRIOR_MULTIPLIER, DIFF_OUTPUT_PRESERVATION,
            DIFF_OUTPUT_PRESERVATION_MULTIPLIER, DIFF_OUTPUT_PRESERVATION_CLASS, BLANK_PROMPT_PRESERVATION,
            BLANK_PROMPT_PRESERVATION_MULTIPLIER, DO_GUIDANCE_LOSS, GUIDANCE_LOSS_TARGET, DO_GUIDANCE_LOSS_CFG_ZERO,
            GUIDANCE_LOSS_SCHEDULE, UNCONDITIONAL_PROMPT, DO_DIFFERENTIAL_GUIDANCE, DIFFERENTIAL_GUIDANCE_SCALE,
            DO_BLANK_STABILIZATION, DO_CFG, DO_RANDOM_CFG, CFG_SCALE, MAX_CFG_SCALE, CFG_RESCALE,
            AUDIO_LOSS_MULTIPLIER, AUTO_BALANCE_AUDIO_LOSS, AUTO_BALANCE_AUDIO_TARGET_RATIO, AUTO_BALANCE_AUDIO_EMA,
            AUTO_BALANCE_AUDIO_MIN, AUTO_BALANCE_AUDIO_MAX, INDEPENDENT_AUDIO_TIMESTEP, AUDIO_TIMESTEP_DISTRIBUTION,
            STRICT_AUDIO_MODE, STRICT_AUDIO_MIN_SUPERVISED_RATIO, STRICT_AUDIO_WARMUP_STEPS, VOICE_PRESERVATION,
            VOICE_PRESERVATION_WEIGHT, TRAIN_CONNECTORS, FAST_PATH,
            TRAIN_UNET, TRAIN_TEXT_ENCODER, UNLOAD_TEXT_ENCODER, CACHE_TEXT_EMBEDDINGS, PROMPT_DROPOUT_PROB,
            NEGATIVE_PROMPT, MAX_NEGATIVE_PROMPTS, SHORT_AND_LONG_CAPTIONS, PROMPT_SATURATION_CHANCE,
            SDP, ATTENTION_BACKEND, DO_PARAMITER_SWAPPING, PARAMITER_SWAPPING_FACTOR, SINGLE_ITEM_BATCHING,
            MERGE_NETWORK_ON_SAVE, MERGE_NETWORK_ON_SAVE_STRENGTH, WEIGHT_JITTER, EMA_CONFIG, VALIDATION_CONFIG,
            IMG_MULTIPLIER, NOISY_LATENT_MULTIPLIER, LATENT_MULTIPLIER, STANDARDIZE_IMAGES, STANDARDIZE_LATENTS,
            DO_SIGNAL_CORRECTION_NOISE, SIGNAL_CORRECTION_NOISE_SCALE, DO_BATCH_NOISE_CORRECTION,
            BATCH_NOISE_CORRECTION_SCALE, DO_SIGNAL_AMPLIFICATION, SIGNAL_AMPLIFICATION_STRENGTH,
            TEXT_ENCODER_LR, REFINER_LR, EMBEDDING_LR, ADAPTER_LR, XFORMERS, TRAIN_REFINER, TRAIN_TURBO,
            SHOW_TURBO_OUTPUTS, FREE_U, ADAPTER_ASSIST_NAME_OR_PATH, ADAPTER_ASSIST_TYPE, MATCH_ADAPTER_ASSIST,
            MATCH_ADAPTER_CHANCE, ADAPTIVE_SCALING_FACTOR, SHORT_AND_LONG_CAPTIONS_ENCODER_SPLIT,
            BYPASS_GUIDANCE_EMBEDDING, LATENT_FEATURE_EXTRACTOR_PATH, LATENT_FEATURE_LOSS_WEIGHT,
            DIFFUSION_FEATURE_EXTRACTOR_PATH, DIFFUSION_FEATURE_EXTRACTOR_WEIGHT, SWITCH_BOUNDARY_EVERY));

    public long steps() {
        return section.get(STEPS);
    }

    public double lr() {
        return section.get(LR);
    }

    public String optimizer() {
        return section.get(OPTIMIZER).toLowerCase(Locale.ROOT);
    }

    public String lrScheduler() {
        return section.get(LR_SCHEDULER);
    }

    public Map<String, Object> optimizerParams() {
        return section.get(OPTIMIZER_PARAMS);
    }

    public Map<String, Object> lrSchedulerParams() {
        return section.get(LR_SCHEDULER_PARAMS);
    }

    public boolean strictAudioMode() {
        return section.get(STRICT_AUDIO_MODE);
    }

    public long strictAudioWarmupSteps() {
        return section.get(STRICT_AUDIO_WARMUP_STEPS);
    }

    /** strict_audio_mode is on and gets to check: its warmup is shorter than training. */
    public boolean strictAudioChecks() {
        return strictAudioMode() && strictAudioWarmupSteps() < steps();
    }

    public double strictAudioMinSupervisedRatio() {
        return section.get(STRICT_AUDIO_MIN_SUPERVISED_RATIO);
    }
}
