package dev.ltx2.schema.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.SectionSpec;
import org.junit.jupiter.api.Test;

class ReferenceDocTest {
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
