package dev.ltx2.orchestrator.core;

import dev.ltx2.orchestrator.lora.PythonKeyNames;
import dev.ltx2.schema.export.GeneratedFiles;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every generated, committed file: those of the schema records ({@link GeneratedFiles#FROM_SCHEMA})
 * and those of the orchestrator's own sources. {@code schema generate} writes them and
 * {@code GeneratedSourcesTest} fails when one is stale.
 */
public final class GeneratedSources {
    public static final List<GeneratedFiles.File> ALL = Stream.concat(GeneratedFiles.FROM_SCHEMA.stream(),
            Stream.of(new GeneratedFiles.File(PythonKeyNames.PATH, PythonKeyNames::module))).toList();

    private GeneratedSources() {}
}
