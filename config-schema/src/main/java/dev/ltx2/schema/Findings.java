package dev.ltx2.schema;

import dev.ltx2.schema.yaml.Position;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one validation run, all about the same file. */
public final class Findings {
    private final Path file;
    private final List<Diagnostic> all = new ArrayList<>();

    public Findings(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public void error(Position at, String keyPath, String message, String fix) {
        all.add(Diagnostic.error(file, at.line(), at.column(), keyPath, message, fix));
    }

    public void warning(Position at, String keyPath, String message, String fix) {
        all.add(Diagnostic.warning(file, at.line(), at.column(), keyPath, message, fix));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** In file order; errors before warnings at the same place. */
    public List<Diagnostic> sorted() {
        return all.stream()
                .filter(distinctPlaceAndMessage())
                .sorted(Comparator.comparingInt(Diagnostic::line)
                        .thenComparingInt(Diagnostic::column)
                        .thenComparing(Diagnostic::severity))
                .toList();
    }

    /** Aliases and merge keys visit a node twice; report each problem once. */
    private static java.util.function.Predicate<Diagnostic> distinctPlaceAndMessage() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return d -> seen.add(d.line() + ":" + d.column() + ":" + d.severity() + ":" + d.message());
    }
}
