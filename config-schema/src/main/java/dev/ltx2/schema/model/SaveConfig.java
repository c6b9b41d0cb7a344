package dev.ltx2.schema.model;

import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.SectionSpec;
import java.util.List;

/** {@code config.process[].save}: checkpoints ({@code SaveConfig}). */
public record SaveConfig(Section section) {
    public static final Key<Long> SAVE_EVERY = Key.integer("save_every", 1000, "Steps between checkpoints.").atLeast(1);
    public static final Key<String> DTYPE = Key.choice("dtype", "float16", "Precision of the saved LoRA.",
            Choices.SAVE_DTYPES.toArray(String[]::new));
    public static final Key<Long> MAX_STEP_SAVES_TO_KEEP = Key.integer("max_step_saves_to_keep", 5,
            "Checkpoints kept (older ones are deleted).").atLeast(1);
    public static final Key<String> SAVE_FORMAT = Key.choice("save_format", "safetensors", "File format.",
            "safetensors", "diffusers");
    public static final Key<Boolean> PUSH_TO_HUB = Key.bool("push_to_hub", false,
            "Upload to the Hugging Face hub at the end (needs network and a token).");
    public static final Key<String> HF_REPO_ID = Key.text("hf_repo_id", null, "Hub repository for push_to_hub.");
    public static final Key<Boolean> HF_PRIVATE = Key.bool("hf_private", false, "Make the hub repository private.");

    public static final SectionSpec SPEC = new SectionSpec("save", "config.process[].save",
            "Checkpoints (toolkit/config_modules.py:SaveConfig).",
            List.of(SAVE_EVERY, DTYPE, MAX_STEP_SAVES_TO_KEEP, SAVE_FORMAT, PUSH_TO_HUB, HF_REPO_ID, HF_PRIVATE));
}
