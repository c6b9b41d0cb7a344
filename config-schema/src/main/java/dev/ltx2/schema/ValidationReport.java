package dev.ltx2.schema;

import dev.ltx2.schema.model.JobConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating one config file: every diagnostic (sorted by position), and when
 * there are no errors, the resolved tree to hand to ai-toolkit and its typed view.
 */
public record ValidationReport(Path file, List<Diagnostic> diagnostics, Optional<ResolvedConfig> config,
                               Optional<JobConfig> job) {

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
    }

    public boolean valid() {
        return errors().isEmpty();
    }

    public LoadResult toLoadResult() {
        if (valid() && config.isPresent()) {
            return new LoadResult.Loaded(config.get(), warnings());
        }
        return new LoadResult.Invalid(errors(), warnings());
    }
}
