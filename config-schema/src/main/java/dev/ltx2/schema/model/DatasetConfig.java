package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.PathKind;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.List;
import java.util.Map;

/** {@code config.process[].datasets[]}: one folder of clips and images ({@code DatasetConfig}). */
public record DatasetConfig(Section section) {
    // ---- source ----
    public static final Key<String> FOLDER_PATH = Key.path("folder_path", PathKind.DIRECTORY,
            "Folder of clips (.mp4 .avi .mov .webm .mkv .wmv .m4v .flv), images and caption files.");
    public static final Key<String> DATASET_PATH = Key.path("dataset_path", PathKind.DIRECTORY_OR_JSON,
            "Instead of folder_path: a folder, or a JSON file mapping paths to captions.");
    public static final Key<String> CAPTION_EXT = Key.text("caption_ext", ".txt",
            "Caption file extension next to each clip ('txt' gets a dot).");
    public static final Key<String> CAPTION_TYPE = Key.text("caption_type", null, "Legacy name of caption_ext.");
    public static final Key<String> DEFAULT_CAPTION = Key.text("default_caption", null,
            "Caption for items without a caption file (or with an empty one).");
    public static final Key<String> TRIGGER_WORD = Key.text("trigger_word", null,
            "Trigger word for this dataset ([trigger] in captions); defaults to the process's trigger_word.");
    public static final Key<Object> RANDOM_TRIGGERS = Key.any("random_triggers", "[]",
            "Random trigger words: a list, or a path to a file with one per line.");
    public static final Key<Long> RANDOM_TRIGGERS_MAX = Key.integer("random_triggers_max", 1,
            "Random triggers added per caption.").atLeast(0);
    public static final Key<Boolean> USE_SHORT_CAPTIONS = Key.bool("use_short_captions", false,
            "Use caption_short from JSON captions.");
    public static final Key<List<String>> REPLACEMENTS = Key.list("replacements", new ValueType.TextType(false),
            "Caption replacements 'from|to'.");
    public static final Key<List<String>> HELD_OUT_FILES = Key.list("held_out_files", new ValueType.TextType(false),
            "Files the voice report keeps out of training (written by the orchestrator before training, "
                    + "read by patch 0019; not for users).").fork();
    public static final Key<List<String>> SKIPPED_FILES = Key.list("skipped_files", new ValueType.TextType(false),
            "Files the dataset check found unusable (unreadable, no picture stream, a caption that is not UTF-8): "
                    + "`train` names each one and writes them here so that the trainer leaves them out (read by patch "
                    + "0019; not for users).").fork();

    // ---- video and audio (LTX-2) ----
    public static final Key<Long> NUM_FRAMES = Key.integer("num_frames", 1,
            "Frames per clip; 1 = images. LTX-2's VAE takes 8k+1 frames (9, 17, ..., 81, 121).").atLeast(1);
    public static final Key<Double> FPS = Key.number("fps", 24,
            "Frame rate the clip is read at; num_frames/fps is the training clip's duration (audio is fit to it).")
            .above(0);
    public static final Key<Boolean> DO_AUDIO = Key.optionalBool("do_audio", "unset (on for video)",
            "Load the clips' audio. Unset = on for LTX-2 video datasets (num_frames > 1) in the patched fork "
                    + "(upstream: off).");
    public static final Key<Boolean> AUDIO_NORMALIZE = Key.bool("audio_normalize", false, "Peak-normalise each clip's audio.");
    public static final Key<Boolean> AUDIO_PRESERVE_PITCH = Key.bool("audio_preserve_pitch", false,
            "Keep the pitch when audio is stretched to num_frames/fps.");
    public static final Key<Boolean> SHRINK_VIDEO_TO_FRAMES = Key.bool("shrink_video_to_frames", true,
            "Spread num_frames over the whole clip (motion and audio are stretched when the clip's length differs "
                    + "from num_frames/fps).");
    public static final Key<Boolean> AUTO_FRAME_COUNT = Key.bool("auto_frame_count", false,
            "Take as many frames as the clip has at fps (no bucketing across lengths).");
    public static final Key<Boolean> TRIM_AUTO_FRAME_COUNT_TAIL = Key.bool("trim_auto_frame_count_tail", true,
            "With auto_frame_count: trim the tail instead of stretching (keeps audio in sync).");
    public static final Key<Boolean> DO_I2V = Key.bool("do_i2v", false,
            "Image-to-video: condition on the clean first frame (not in the loss).");

    // ---- resolution and buckets ----
    /** LTX-2's bucket divisibility (32× spatial VAE compression, {@code ltx2.py:get_bucket_divisibility}). */
    public static final long BUCKET_DIVISIBILITY = 32;
    public static final Key<List<Long>> RESOLUTION = Key.list("resolution", new ValueType.IntType(32L, null, BUCKET_DIVISIBILITY),
            "Training resolution(s): the side of a square of equal pixel count; multiples of 32 for LTX-2 (its "
                    + "bucket divisibility).")
            .withType(new ValueType.ListType<>(new ValueType.IntType(32L, null, BUCKET_DIVISIBILITY), 1, true))
            .defaultShown("512");
    public static final Key<Boolean> BUCKETS = Key.bool("buckets", true, "Aspect-ratio buckets (required for video).");
    public static final Key<Long> BUCKET_TOLERANCE = Key.integer("bucket_tolerance", 64,
            "Bucket divisibility; LTX-2 forces 32.").warnWhenSet("bucket_tolerance is replaced by the model's "
            + "divisibility (32 for LTX-2) when the dataset loads");
    public static final Key<Boolean> RANDOM_SCALE = Key.bool("random_scale", false, "Random scale (images).");
    public static final Key<Boolean> RANDOM_CROP = Key.bool("random_crop", false, "Random crop (images).");
    public static final Key<Double> SCALE = Key.number("scale", 1.0, "Scale factor.").above(0);
    public static final Key<Boolean> SQUARE_CROP = Key.bool("square_crop", false, "Crop to a square.");

    // ---- captions ----
    public static final Key<Double> CAPTION_DROPOUT_RATE = Key.number("caption_dropout_rate", 0.0,
            "Chance to train an item with an empty caption (the UI uses 0.05).").atLeast(0).atMost(1);
    public static final Key<Double> TOKEN_DROPOUT_RATE = Key.number("token_dropout_rate", 0.0,
            "Chance to drop each caption token.").atLeast(0).atMost(1);
    public static final Key<Boolean> SHUFFLE_TOKENS = Key.bool("shuffle_tokens", false, "Shuffle comma-separated tokens.");
    public static final Key<Long> KEEP_TOKENS = Key.integer("keep_tokens", 0, "Leading tokens never shuffled or dropped.")
            .atLeast(0);

    // ---- augmentation ----
    public static final Key<Boolean> FLIP_X = Key.bool("flip_x", false, "Add horizontally flipped copies.");
    public static final Key<Boolean> FLIP_Y = Key.bool("flip_y", false, "Add vertically flipped copies.");
    public static final Key<List<String>> AUGMENTS = Key.list("augments", new ValueType.TextType(true),
            "Legacy augments (images only; video raises).");
    public static final Key<List<Object>> AUGMENTATIONS = Key.list("augmentations", new ValueType.AnyType(),
            "Albumentations transforms (images only; video raises).").orNull().defaultShown("null");
    public static final Key<Boolean> SHUFFLE_AUGMENTATIONS = Key.bool("shuffle_augmentations", false,
            "Shuffle augmentations.");
    public static final Key<Boolean> REPLAY_TRANSFORMS = Key.bool("replay_transforms", true,
            "Apply the same transforms to control images.");

    // ---- loading, caching, weighting ----
    public static final Key<Long> BATCH_SIZE = Key.optionalInteger("batch_size",
            "Batch size for this dataset; null = train.batch_size.").atLeast(1);
    public static final Key<Long> NUM_REPEATS = Key.integer("num_repeats", 1, "Times the dataset is repeated per epoch.")
            .atLeast(1);
    public static final Key<Boolean> IS_REG = Key.bool("is_reg", false, "Regularisation dataset (weighted by train.reg_weight).");
    public static final Key<Boolean> PRIOR_REG = Key.bool("prior_reg", false, "Prior-preservation regularisation.");
    public static final Key<Double> NETWORK_WEIGHT = Key.number("network_weight", 1.0, "LoRA strength for this dataset.");
    public static final Key<Double> LOSS_MULTIPLIER = Key.number("loss_multiplier", 1.0,
            "Video loss multiplier for this dataset (the audio loss ignores it upstream).").atLeast(0);
    public static final Key<Boolean> CACHE_LATENTS = Key.bool("cache_latents", false, "Cache latents in memory.");
    public static final Key<Boolean> CACHE_LATENTS_TO_DISK = Key.bool("cache_latents_to_disk", false,
            "Cache latents (video, first frame, audio) on disk; re-cache after changing audio settings.");
    public static final Key<Boolean> CACHE_TENSORS_TO_DISK = Key.bool("cache_tensors_to_disk", false,
            "Cache decoded video and audio tensors on disk.");
    public static final Key<Boolean> CACHE_TEXT_EMBEDDINGS = Key.bool("cache_text_embeddings", false,
            "Cache this dataset's text embeddings (all datasets must agree).");
    public static final Key<Boolean> LOAD_IMAGE_WHEN_CACHING_LATENTS = Key.bool("load_image_when_caching_latents", false,
            "Also load pixels when latents are cached.");
    public static final Key<Long> NUM_WORKERS = Key.integer("num_workers", 2, "DataLoader worker processes.").atLeast(0);
    public static final Key<Long> PREFETCH_FACTOR = Key.integer("prefetch_factor", 2, "Batches prefetched per worker.")
            .atLeast(1);
    public static final Key<Long> CACHE_LATENTS_NUM_WORKERS = Key.integer("cache_latents_num_workers", 6,
            "Threads decoding items while caching latents.").atLeast(1).defaultShown("min(6, CPUs)");
    public static final Key<Boolean> STANDARDIZE_IMAGES = Key.bool("standardize_images", false, "Standardise images.");
    public static final Key<Boolean> FAST_IMAGE_SIZE = Key.bool("fast_image_size", false,
            "Read image sizes from headers (can be wrong).");
    public static final Key<Boolean> DEBUG = Key.bool("debug", false, "Print frame selection details.");
    public static final Key<List<Double>> EXTRA_VALUES = Key.list("extra_values", new ValueType.FloatType(null, false, null, false),
            "Extra values passed with each item.");

    // ---- masks and controls ----
    public static final Key<String> MASK_PATH = Key.path("mask_path", PathKind.DIRECTORY,
            "Folder of focus masks (white = more loss).");
    public static final Key<Boolean> INVERT_MASK = Key.bool("invert_mask", false, "Invert masks.");
    public static final Key<Double> MASK_MIN_VALUE = Key.number("mask_min_value", 0.0, "Lowest mask value.").atLeast(0).atMost(1);
    public static final Key<Boolean> ALPHA_MASK = Key.bool("alpha_mask", false, "Use the alpha channel as the mask.");
    public static final Key<String> UNCONDITIONAL_PATH = Key.path("unconditional_path", PathKind.DIRECTORY,
            "Folder of matching unconditional images.");
    public static final Key<List<String>> CONTROL_PATH = Key.list("control_path", new ValueType.PathType(PathKind.DIRECTORY),
            "Control image folder(s).").withType(new ValueType.ListType<>(new ValueType.PathType(PathKind.DIRECTORY), 0, true))
            .orNull().defaultShown("null");
    public static final Key<String> CONTROL_PATH_1 = Key.path("control_path_1", PathKind.DIRECTORY, "First control folder.");
    public static final Key<String> CONTROL_PATH_2 = Key.path("control_path_2", PathKind.DIRECTORY, "Second control folder.");
    public static final Key<String> CONTROL_PATH_3 = Key.path("control_path_3", PathKind.DIRECTORY, "Third control folder.");
    public static final Key<Boolean> CONTROL_FROM_SAME_FOLDER = Key.bool("control_from_same_folder", false,
            "Pick a random control image from the item's folder.");
    public static final Key<Long> NUM_CONTROLS_FROM_SAME_FOLDER = Key.integer("num_controls_from_same_folder", 1,
            "Control images picked from the same folder.").atLeast(1);
    public static final Key<List<Long>> CONTROL_TRANSPARENT_COLOR = Key.list("control_transparent_color",
            new ValueType.IntType(0L, 255L), "RGB fill for transparent control pixels.").defaultShown("[0, 0, 0]");
    public static final Key<Boolean> FULL_SIZE_CONTROL_IMAGES = Key.bool("full_size_control_images", true,
            "Serve control images uncropped.");
    public static final Key<List<String>> CONTROLS = Key.list("controls", new ValueType.ChoiceType(
            List.of("depth", "line", "pose", "inpaint", "mask", "sapiens2_mask"), false, Map.of()),
            "Automatically generated controls.");
    public static final Key<List<String>> INPAINT_PATH = Key.list("inpaint_path", new ValueType.PathType(PathKind.DIRECTORY),
            "Inpaint image folder(s).").withType(new ValueType.ListType<>(new ValueType.PathType(PathKind.DIRECTORY), 0, true))
            .orNull().defaultShown("null");
    public static final Key<String> GUIDANCE_TYPE = Key.text("guidance_type", "targeted", "Guidance type (guidance jobs).");

    // ---- set by ai-toolkit itself, or for other model families ----
    public static final Key<String> TYPE = Key.text("type", "image", "Dataset type (sd, slider, reference); unused here.")
            .otherModels();
    public static final Key<Boolean> DIFF_OUTPUT_PRESERVATION = Key.bool("diff_output_preservation", false,
            "Copied from train.diff_output_preservation by ai-toolkit.")
            .warnWhenSet("datasets[].diff_output_preservation is overwritten from train.diff_output_preservation; set it there");
    public static final Key<String> DIFF_OUTPUT_PRESERVATION_CLASS = Key.text("diff_output_preservation_class", "",
            "Copied from train.diff_output_preservation_class by ai-toolkit.")
            .warnWhenSet("datasets[].diff_output_preservation_class is overwritten from train; set it there");
    public static final Key<Object> POI = Key.any("poi", "null", "Removed upstream (raises when set).");
    public static final Key<String> CLIP_IMAGE_PATH = Key.path("clip_image_path", PathKind.DIRECTORY,
            "IP-adapter images.").otherModels();
    public static final Key<Boolean> CLIP_IMAGE_FROM_SAME_FOLDER = Key.bool("clip_image_from_same_folder", false,
            "IP-adapter: image from the same folder.").otherModels();
    public static final Key<List<Object>> CLIP_IMAGE_AUGMENTATIONS = Key.list("clip_image_augmentations",
            new ValueType.AnyType(), "IP-adapter augmentations.").orNull().defaultShown("null").otherModels();
    public static final Key<Boolean> CLIP_IMAGE_SHUFFLE_AUGMENTATIONS = Key.bool("clip_image_shuffle_augmentations", false,
            "IP-adapter augmentation shuffle.").otherModels();
    public static final Key<Boolean> CACHE_CLIP_VISION_TO_DISK = Key.bool("cache_clip_vision_to_disk", false,
            "Cache CLIP vision embeddings.").otherModels();

    public static final SectionSpec SPEC = new SectionSpec("dataset", "config.process[].datasets[]",
            "One dataset (toolkit/config_modules.py:DatasetConfig); a list of resolutions makes one dataset per resolution.",
            List.of(FOLDER_PATH, DATASET_PATH, CAPTION_EXT, CAPTION_TYPE, DEFAULT_CAPTION, TRIGGER_WORD, RANDOM_TRIGGERS,
                    RANDOM_TRIGGERS_MAX, USE_SHORT_CAPTIONS, REPLACEMENTS, HELD_OUT_FILES, SKIPPED_FILES,
                    NUM_FRAMES, FPS, DO_AUDIO, AUDIO_NORMALIZE, AUDIO_PRESERVE_PITCH, SHRINK_VIDEO_TO_FRAMES,
                    AUTO_FRAME_COUNT, TRIM_AUTO_FRAME_COUNT_TAIL, DO_I2V,
                    RESOLUTION, BUCKETS, BUCKET_TOLERANCE, RANDOM_SCALE, RANDOM_CROP, SCALE, SQUARE_CROP,
                    CAPTION_DROPOUT_RATE, TOKEN_DROPOUT_RATE, SHUFFLE_TOKENS, KEEP_TOKENS,
                    FLIP_X, FLIP_Y, AUGMENTS, AUGMENTATIONS, SHUFFLE_AUGMENTATIONS, REPLAY_TRANSFORMS,
                    BATCH_SIZE, NUM_REPEATS, IS_REG, PRIOR_REG, NETWORK_WEIGHT, LOSS_MULTIPLIER, CACHE_LATENTS,
                    CACHE_LATENTS_TO_DISK, CACHE_TENSORS_TO_DISK, CACHE_TEXT_EMBEDDINGS, LOAD_IMAGE_WHEN_CACHING_LATENTS,
                    NUM_WORKERS, PREFETCH_FACTOR, CACHE_LATENTS_NUM_WORKERS, STANDARDIZE_IMAGES, FAST_IMAGE_SIZE, DEBUG,
                    EXTRA_VALUES,
                    MASK_PATH, INVERT_MASK, MASK_MIN_VALUE, ALPHA_MASK, UNCONDITIONAL_PATH, CONTROL_PATH, CONTROL_PATH_1,
                    CONTROL_PATH_2, CONTROL_PATH_3, CONTROL_FROM_SAME_FOLDER, NUM_CONTROLS_FROM_SAME_FOLDER,
                    CONTROL_TRANSPARENT_COLOR, FULL_SIZE_CONTROL_IMAGES, CONTROLS, INPAINT_PATH, GUIDANCE_TYPE,
                    TYPE, DIFF_OUTPUT_PRESERVATION, DIFF_OUTPUT_PRESERVATION_CLASS, POI, CLIP_IMAGE_PATH,
                    CLIP_IMAGE_FROM_SAME_FOLDER, CLIP_IMAGE_AUGMENTATIONS, CLIP_IMAGE_SHUFFLE_AUGMENTATIONS,
                    CACHE_CLIP_VISION_TO_DISK));

    public long numFrames() {
        return section.get(NUM_FRAMES);
    }

    public double fps() {
        return section.get(FPS);
    }

    public boolean isVideo() {
        return numFrames() > 1 || section.get(AUTO_FRAME_COUNT);
    }

    /** The tri-state do_audio as the patched fork resolves it: unset means on for video datasets. */
    public boolean audioEnabled() {
        Boolean explicit = section.get(DO_AUDIO);
        return explicit != null ? explicit : isVideo();
    }

    /** The resolutions; 512 when unset, as upstream. */
    public List<Long> resolutions() {
        return section.isSet(RESOLUTION) && section.get(RESOLUTION) != null ? section.get(RESOLUTION) : List.of(512L);
    }

    /**
     * The caption extension as upstream resolves it: caption_ext gets a leading dot; the legacy
     * caption_type, when set, replaces it as written (without adding the dot).
     */
    public String captionExtension() {
        String legacy = section.get(CAPTION_TYPE);
        if (legacy != null && !legacy.isEmpty()) {
            return legacy;
        }
        String ext = section.get(CAPTION_EXT);
        return ext.isEmpty() || ext.startsWith(".") ? ext : "." + ext;
    }

    public String folder() {
        String f = section.get(FOLDER_PATH);
        return f != null ? f : section.get(DATASET_PATH);
    }

    public long numRepeats() {
        return section.get(NUM_REPEATS);
    }
}
