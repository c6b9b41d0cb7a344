package dev.ltx2.schema.export;

import java.util.List;
import java.util.function.Supplier;

/**
 * The files generated from the schema records and committed. The orchestrator's
 * {@code core/GeneratedSources} adds those generated from its own sources; one command writes
 * them all and one test fails when a committed copy is not what its source produces (kubernetes'
 * update-codegen / verify-codegen pair).
 */
public final class GeneratedFiles {
    public static final String REGENERATE = "bin/orchestrator schema generate";

    /** A generated file, as a path from the repository root and what belongs in it. */
    public record File(String path, Supplier<String> content) {}

    public static final List<File> FROM_SCHEMA = List.of(
            new File("docs/config-reference.md", ReferenceDoc::markdown),
            new File(PythonKeyTable.PATH, PythonKeyTable::module),
            new File(UiKeyTable.PATH, UiKeyTable::module));

    private GeneratedFiles() {}
}
