package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApplyLogTest {
    @Test
    void readsOffsetsPerFileInBothDirections() {
        String verbose = """
                Checking patch toolkit/a.py...
                Hunk #1 succeeded at 46 (offset 3 lines).
                Hunk #2 succeeded at 90 (offset -1 line).
                Checking patch toolkit/b.py...
                Applied patch toolkit/b.py cleanly.
                Checking patch toolkit/c.py...
                Hunk #3 succeeded at 7 (offset 1 line).
                """;
        assertThat(ApplyLog.offsets(verbose)).containsExactly(
                new PatchVerdict.Offset("toolkit/a.py", 1, 46, 3),
                new PatchVerdict.Offset("toolkit/a.py", 2, 90, -1),
                new PatchVerdict.Offset("toolkit/c.py", 3, 7, 1));
    }

    @Test
    void cleanOutputHasNoOffsets() {
        assertThat(ApplyLog.offsets("Checking patch a.py...\n")).isEmpty();
    }
}
