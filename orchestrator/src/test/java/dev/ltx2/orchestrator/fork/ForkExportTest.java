package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkExportTest {
    @TempDir Path tmp;

    static final String SOP = "# SOP\n\n## 1\n\n---\n\n#### A. First thing\n- text\n\n#### B. Second thing\n- more\n";

    static SopItems items() {
        return new SopItems(List.of(
                new SopItems.Item("A", "First thing", "upstream", List.of(), List.of("tests/x.py::test_a"), "already there."),
                new SopItems.Item("B", "Second thing", "patched", List.of("0001-b.patch"), List.of("tests/x.py"), "fixed.")),
                List.of());
    }

    @Test
    void sopGetsAStatusUnderEveryItemAndATable() {
        String text = SopDocument.withStatus(SOP, items());
        assertThat(text).contains("#### A. First thing\n\n> **Status: upstream**").contains("already there. Tests: tests/x.py::test_a.")
                .contains("#### B. Second thing\n\n> **Status: patched**").contains("Patches: 0001-b.patch.")
                .contains("| B | Second thing | patched |");
        assertThat(text.indexOf("## Status of every item")).isLessThan(text.indexOf("#### A."));
    }

    @Test
    void exportWritesThePatchTheSopAndAZipOfTheModifiedFiles() throws IOException {
        GitFixture fx = new GitFixture(tmp);
        String base = fx.commit("upstream", "toolkit/a.py", "x = 1\n", "toolkit/b.py", "b = 1\n");
        fx.pin(base, fx.patch("0001-b.patch", base, "toolkit/b.py", "b = 2\n"));
        UpstreamPin pin = ((Result.Ok<UpstreamPin>) UpstreamPin.load(fx.patches)).value();
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(fx.patches)).value();
        List<String> progress = new ArrayList<>();
        ForkState fork = ((Result.Ok<ForkState>) new ForkMaterializer(tmp.resolve("cache/upstream"),
                tmp.resolve("cache/fork/ai-toolkit"), pin, series, progress::add).apply(fx.upstream.toString())).value();

        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("ltx2_character/audio"));
        Files.writeString(src.resolve("ltx2_character/__init__.py"), "");
        Files.writeString(src.resolve("ltx2_character/audio/balance.py"), "RATIO = 0.33\n");
        var exported = ((Result.Ok<ForkExport.Exported>) ForkExport.export(fork, SOP, items(), src, tmp.resolve("out"))).value();
        assertThat(Files.readString(exported.patch())).contains("--- a/toolkit/b.py").contains("+b = 2").doesNotContain("a.py");
        assertThat(Files.readString(exported.sop())).contains("Status: patched");
        assertThat(exported.modifiedFiles()).containsExactly("toolkit/b.py");
        try (ZipFile zip = new ZipFile(exported.zip().toFile())) {
            assertThat(zip.stream().map(e -> e.getName())).containsExactlyInAnyOrder(ForkExport.PATCH, ForkExport.SOP,
                    "README.md", "modified/toolkit/b.py", "python/ltx2_character/__init__.py",
                    "python/ltx2_character/audio/balance.py");
            assertThat(new String(zip.getInputStream(zip.getEntry("README.md")).readAllBytes())).contains(base);
            assertThat(new String(zip.getInputStream(zip.getEntry("modified/toolkit/b.py")).readAllBytes())).isEqualTo("b = 2\n");
        }
    }
}
