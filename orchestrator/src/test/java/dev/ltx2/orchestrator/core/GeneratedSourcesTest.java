package dev.ltx2.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.schema.export.GeneratedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "generated output is current" check: every committed generated file is what its source produces. */
class GeneratedSourcesTest {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @Test
    void everyCommittedGeneratedFileIsCurrent() throws IOException {
        List<String> stale = new ArrayList<>();
        for (GeneratedFiles.File file : GeneratedSources.ALL) {
            Path committed = ROOT.resolve(file.path());
            if (!Files.isRegularFile(committed)
                    || !Files.readString(committed, StandardCharsets.UTF_8).equals(file.content().get())) {
                stale.add(file.path());
            }
        }
        assertThat(stale).as("stale generated files; regenerate them with: " + GeneratedFiles.REGENERATE).isEmpty();
    }

}
