package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HunkLocatorTest {
    static final String PATCH = """
            Subject: [PATCH] x
            ---
            diff --git a/a.py b/a.py
            --- a/a.py
            +++ b/a.py
            @@ -3,2 +3,2 @@ def f():
            -a
            +b
            @@ -40,2 +40,2 @@ def g():
            -c
            +d
            diff --git a/b.py b/b.py
            --- a/b.py
            +++ b/b.py
            @@ -40,1 +40,1 @@
            -e
            +f
            """;

    @Test
    void namesTheHunkAtTheFailingLineOfTheRightFile() {
        var loc = HunkLocator.locate("Checking patch a.py...\nerror: while searching for:\nc\nerror: patch failed: a.py:40\n", PATCH);
        assertThat(loc).get().extracting(HunkLocator.Location::file).isEqualTo("a.py");
        assertThat(loc.get().hunk()).isEqualTo("hunk #2 @@ -40,2 +40,2 @@ def g():");
        assertThat(HunkLocator.locate("error: patch failed: b.py:40", PATCH).get().hunk()).startsWith("hunk #1 ");
    }

    @Test
    void reportsAFileMissingUpstream() {
        var loc = HunkLocator.locate("error: b.py: does not exist in index\n", PATCH);
        assertThat(loc.get().hunk()).isEqualTo("file missing in the upstream tree");
    }

    @Test
    void unknownOutputGivesNothing() {
        assertThat(HunkLocator.locate("fatal: something else", PATCH)).isEmpty();
    }

    @Test
    void locateAllListsEveryRejectedHunkAndFileOnce() {
        String rejectOutput = """
                Checking patch a.py...
                error: while searching for:
                a
                error: patch failed: a.py:3
                error: while searching for:
                c
                error: patch failed: a.py:40
                Checking patch b.py...
                error: b.py: already exists in working directory
                Applying patch a.py with 2 rejects...
                Rejected hunk #1.
                Rejected hunk #2.
                error: patch failed: a.py:3
                """;
        assertThat(HunkLocator.locateAll(rejectOutput, PATCH)).containsExactly(
                new HunkLocator.Location("b.py", "file the patch creates already exists upstream"),
                new HunkLocator.Location("a.py", "hunk #1 @@ -3,2 +3,2 @@ def f():"),
                new HunkLocator.Location("a.py", "hunk #2 @@ -40,2 +40,2 @@ def g():"));
    }
}
