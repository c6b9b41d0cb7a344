package dev.ltx2.orchestrator.lora;

/** The kind of adapter one module stores, recognised from its tensors' suffixes. */
public enum NetworkType {
    LORA("LoRA"),
    DORA("DoRA"),
    LOKR("LoKr"),
    LOHA("LoHa"),
    DIFF("full weight diff"),
    INCOMPLETE("incomplete");

    private final String label;

    NetworkType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
