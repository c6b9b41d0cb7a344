package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchSeriesTest {
    @TempDir Path dir;

    @Test
    void readsNamesInOrderSkippingCommentsAndBlankLines() throws IOException {
        Files.writeString(dir.resolve("0001-a.patch"), "Subject: [PATCH] infra: first\n\ndiff --git a/x.py b/x.py\n");
        Files.writeString(dir.resolve("0002-b.patch"), "Subject: second\n");
        Files.write(dir.resolve("series"), List.of("# comment", "", "0001-a.patch", "0002-b.patch"));
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(dir)).value();
        assertThat(series.patches()).extracting(PatchSeries.Patch::name).containsExactly("0001-a.patch", "0002-b.patch");
        assertThat(series.patches().get(0).subject()).isEqualTo("infra: first");
        assertThat(series.touchedPaths()).containsExactly("x.py");
    }

    @Test
    void listedButMissingPatchIsAnErrorWithTheLine() throws IOException {
        Files.write(dir.resolve("series"), List.of("# c", "0009-gone.patch"));
        var result = PatchSeries.load(dir);
        assertThat(((Result.Err<PatchSeries>) result).failure().message()).contains("series:2").contains("0009-gone.patch");
    }

    @Test
    void digestFollowsPatchContentAndPin() throws IOException {
        Files.writeString(dir.resolve("p.patch"), "one");
        Files.write(dir.resolve("series"), List.of("p.patch"));
        UpstreamPin pin = new UpstreamPin("u", "a".repeat(40));
        String first = ((Result.Ok<PatchSeries>) PatchSeries.load(dir)).value().digest(pin);
        Files.writeString(dir.resolve("p.patch"), "two");
        String second = ((Result.Ok<PatchSeries>) PatchSeries.load(dir)).value().digest(pin);
        assertThat(second).isNotEqualTo(first);
        assertThat(((Result.Ok<PatchSeries>) PatchSeries.load(dir)).value().digest(new UpstreamPin("u", "b".repeat(40))))
                .isNotEqualTo(second);
    }

    @Test
    void theRepositorySeriesListsExistingPatchesAndEveryPatchIsListed() throws IOException {
        Path patches = Path.of(System.getProperty("user.dir")).resolve("../patches").normalize();
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(patches)).value();
        List<String> listed = series.patches().stream().map(PatchSeries.Patch::name).toList();
        try (var files = Files.list(patches)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".patch")).sorted())
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        assertThat(UpstreamPin.load(patches)).isInstanceOf(Result.Ok.class);
    }
}
