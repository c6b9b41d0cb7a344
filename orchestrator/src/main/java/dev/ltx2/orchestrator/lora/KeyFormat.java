package dev.ltx2.orchestrator.lora;

/** How a LoRA names the model module it adapts: the prefix in front of the module path. */
public enum KeyFormat {
    PEFT("base_model.model.", "raw PEFT (base_model.model.)"),
    COMFY("diffusion_model.", "ComfyUI/original LTX names (diffusion_model.)"),
    DIFFUSERS("transformer.", "diffusers (transformer.)"),
    KOHYA("lora_unet_", "kohya (lora_unet_, dots as underscores)"),
    BARE("", "bare original LTX names (no prefix)");

    private final String prefix;
    private final String label;

    KeyFormat(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The format whose prefix starts {@code key}; {@link #BARE} when none does. */
    public static KeyFormat of(String key) {
        for (KeyFormat f : values()) {
            if (!f.prefix.isEmpty() && key.startsWith(f.prefix)) {
                return f;
            }
        }
        return BARE;
    }
}
