package dev.ltx2.schema;

import java.util.List;

/** The outcome of loading a config file: a resolved config (maybe with warnings) or errors. */
public sealed interface LoadResult {
    record Loaded(ResolvedConfig config, List<Diagnostic> warnings) implements LoadResult {}

    record Invalid(List<Diagnostic> errors, List<Diagnostic> warnings) implements LoadResult {}
}
