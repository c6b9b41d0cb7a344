package dev.ltx2.schema.spec;

/** How a key relates to LTX-2 training at the pin. */
public enum Relevance {
    /** Read on the LTX-2 training path. */
    LTX2,
    /** Added by the patched fork (the contract in docs/config-schema.md). */
    FORK,
    /** Read by ai-toolkit for other model families only; accepted, with a warning when set. */
    OTHER_MODELS
}
