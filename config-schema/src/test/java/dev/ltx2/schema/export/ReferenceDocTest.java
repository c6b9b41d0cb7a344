package dev.ltx2.schema.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.SectionSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReferenceDocTest {
    static final Path COMMITTED = Path.of("..", "docs", "config-reference.md");

    @Test
    void theCommittedReferenceIsTheGeneratedOne() throws IOException {
        assertThat(Files.isRegularFile(COMMITTED)).as(COMMITTED.toAbsolutePath() + " exists").isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/config-reference.md is stale; regenerate it with: " + ReferenceDoc.REGENERATE)
                .isEqualTo(ReferenceDoc.markdown());
    }

    @Test
    void everyKeyHasARowWithItsDescription() {
        String md = ReferenceDoc.markdown();
        for (SectionSpec spec : JobConfig.ALL_SECTIONS) {
            assertThat(md).contains("## `" + spec.where() + "`");
            for (Key<?> key : spec.keys()) {
                assertThat(key.doc()).as(spec.name() + "." + key.name()).isNotBlank();
                assertThat(md).contains("| `" + key.name() + "`");
            }
        }
    }
}
