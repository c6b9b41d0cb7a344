package dev.ltx2.schema.spec;

/** What a path key points at, which decides how {@code PathRules} checks it. */
public enum PathKind {
    /** A folder that must exist (a dataset folder). */
    DIRECTORY("path to an existing folder"),
    /** A folder, or a JSON caption file, that must exist. */
    DIRECTORY_OR_JSON("path to an existing folder or .json file"),
    /** A file that must exist (a LoRA to start from). */
    FILE("path to an existing file"),
    /** A file whose absence only degrades the run (a sample control image): a warning. */
    OPTIONAL_FILE("path to a file (missing: warning)"),
    /** A folder whose absence only degrades the run (the voice report's validation clips): a warning. */
    OPTIONAL_DIRECTORY("path to a folder (missing: warning)"),
    /** A local model folder or file, or a Hugging Face hub id that would be downloaded. */
    MODEL("local model path or hub id"),
    /** Where outputs go; created if missing. */
    OUTPUT_DIRECTORY("folder, created if missing");

    private final String summary;

    PathKind(String summary) {
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
