package dev.ltx2.schema.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "generated output is current" check: every committed generated file is what the records produce. */
class GeneratedFilesTest {
    static final Path ROOT = Path.of("..");

    @Test
    void everyCommittedGeneratedFileIsCurrent() throws IOException {
        List<String> stale = new ArrayList<>();
        for (GeneratedFiles.File file : GeneratedFiles.ALL) {
            Path committed = ROOT.resolve(file.path());
            if (!Files.isRegularFile(committed)
                    || !Files.readString(committed, StandardCharsets.UTF_8).equals(file.content().get())) {
                stale.add(file.path());
            }
        }
        assertThat(stale).as("stale generated files; regenerate them with: " + GeneratedFiles.REGENERATE).isEmpty();
    }
}
