package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkMaterializerTest {
    @TempDir Path tmp;
    GitFixture fx;
    String base;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
        base = fx.commit("upstream", "toolkit/a.py", "x = 1\ny = 2\nz = 3\n", "toolkit/b.py", "b = 1\n");
    }

    private ForkMaterializer materializer() {
        UpstreamPin pin = ((Result.Ok<UpstreamPin>) UpstreamPin.load(fx.patches)).value();
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(fx.patches)).value();
        return new ForkMaterializer(tmp.resolve("cache/upstream"), tmp.resolve("cache/fork/ai-toolkit"), pin, series, progress::add);
    }

    private static <T> T ok(Result<T> r) {
        assertThat(r).as(() -> r instanceof Result.Err<T> e ? e.failure().message() : "").isInstanceOf(Result.Ok.class);
        return ((Result.Ok<T>) r).value();
    }

    @Test
    void appliesTheSeriesToThePin() throws IOException {
        fx.pin(base, fx.patch("0001-a.patch", base, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        ForkState state = ok(materializer().apply(fx.upstream.toString()));
        assertThat(state.changed()).isTrue();
        assertThat(Files.readString(state.dir().resolve("toolkit/a.py"))).contains("y = 20");
        assertThat(new Git(state.dir()).run("log", "--format=%s", "-1").stdout()).contains("change toolkit/a.py");
    }

    @Test
    void secondApplyWithNothingChangedRunsNoGit() throws IOException {
        fx.pin(base, fx.patch("0001-a.patch", base, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        ok(materializer().apply(fx.upstream.toString()));
        progress.clear();
        // A source that does not exist proves no clone or fetch is attempted.
        ForkState again = ok(materializer().apply(tmp.resolve("no-such-source").toString()));
        assertThat(again.changed()).isFalse();
        assertThat(progress).isEmpty();
    }

    @Test
    void changedSeriesRebuildsTheFork() throws IOException {
        fx.pin(base, fx.patch("0001-a.patch", base, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        ok(materializer().apply(fx.upstream.toString()));
        fx.pin(base, "0001-a.patch", fx.patch("0002-b.patch", base, "toolkit/b.py", "b = 2\n"));
        ForkState state = ok(materializer().apply(fx.upstream.toString()));
        assertThat(state.changed()).isTrue();
        assertThat(Files.readString(state.dir().resolve("toolkit/b.py"))).isEqualTo("b = 2\n");
    }

    @Test
    void theOverlayIsCommittedAfterTheSeriesAndAChangeToItRebuildsTheFork() throws IOException {
        fx.pin(base, fx.patch("0001-a.patch", base, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        Path table = fx.patches.resolve("overlay/ui/src/keys.ts");
        Files.createDirectories(table.getParent());
        Files.writeString(table, "export const a = 1;\n");
        ForkState first = ok(materializer().apply(fx.upstream.toString()));
        assertThat(Files.readString(first.dir().resolve("ui/src/keys.ts"))).isEqualTo("export const a = 1;\n");
        Git fork = new Git(first.dir());
        assertThat(fork.run("log", "--format=%s", "-2").stdout().lines())
                .containsExactly(Overlay.SUBJECT, "change toolkit/a.py");
        assertThat(fork.run("status", "--porcelain", "--untracked-files=all", "--", "ui").stdout()).isEmpty();

        Files.writeString(table, "export const a = 2;\n");
        ForkState second = ok(materializer().apply(fx.upstream.toString()));
        assertThat(second.changed()).isTrue();
        assertThat(Files.readString(second.dir().resolve("ui/src/keys.ts"))).isEqualTo("export const a = 2;\n");
    }

    @Test
    void theLockfileDeltaIsAppliedAfterTheSeriesAndCommittedBeforeTheOverlay() throws IOException {
        String upstreamLock = "{\n  \"name\": \"ui\",\n  \"packages\": {\n    \"node_modules/a\": {\n      \"version\": \"1.0.0\"\n    }\n  }\n}\n";
        String withLock = fx.commit("lockfile", "ui/package-lock.json", upstreamLock);
        fx.pin(withLock, fx.patch("0001-a.patch", withLock, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        Path delta = fx.patches.resolve("overlay-data/ui/package-lock.delta.json");
        Files.createDirectories(delta.getParent());
        Files.writeString(delta, """
                {"changes": [
                  {"path": ["packages", "node_modules/b"], "after": "node_modules/a", "add": {"version": "2.0.0", "os": []}},
                  {"path": ["packages", "node_modules/a"], "was": "1.0.0", "replace": {"version": "1.1.0"}}
                ]}
                """);
        Path keys = fx.patches.resolve("overlay/ui/src/keys.ts");
        Files.createDirectories(keys.getParent());
        Files.writeString(keys, "export const a = 1;\n");

        ForkState state = ok(materializer().apply(fx.upstream.toString()));
        assertThat(Files.readString(state.dir().resolve("ui/package-lock.json"))).isEqualTo(
                "{\n  \"name\": \"ui\",\n  \"packages\": {\n    \"node_modules/a\": {\n      \"version\": \"1.1.0\"\n    },\n"
                        + "    \"node_modules/b\": {\n      \"version\": \"2.0.0\",\n      \"os\": []\n    }\n  }\n}\n");
        Git fork = new Git(state.dir());
        assertThat(fork.run("log", "--format=%s", "-3").stdout().lines())
                .containsExactly(Overlay.SUBJECT, LockfileDeltas.SUBJECT, "change toolkit/a.py");
        assertThat(fork.run("status", "--porcelain", "--untracked-files=all").stdout()).doesNotContain("ui/");

        Files.writeString(delta, Files.readString(delta).replace("2.0.0", "2.0.1"));
        ForkState second = ok(materializer().apply(fx.upstream.toString()));
        assertThat(second.changed()).as("a changed delta rebuilds the fork").isTrue();
        assertThat(Files.readString(second.dir().resolve("ui/package-lock.json"))).contains("2.0.1");
    }

    @Test
    void aDeltaThatDoesNotFitUpstreamsLockfileNamesTheFileAndThePlace() throws IOException {
        String withLock = fx.commit("lockfile", "ui/package-lock.json", "{\n  \"packages\": {}\n}\n");
        fx.pin(withLock);
        Path delta = fx.patches.resolve("overlay-data/ui/package-lock.delta.json");
        Files.createDirectories(delta.getParent());
        Files.writeString(delta, "{\"changes\": [{\"path\": [\"packages\", \"node_modules/a\"], \"was\": \"1.0.0\", \"remove\": true}]}");
        Result<ForkState> result = materializer().apply(fx.upstream.toString());
        assertThat(((Result.Err<ForkState>) result).failure().message())
                .contains("patches/overlay-data/ui/package-lock.delta.json does not apply to ui/package-lock.json")
                .contains("packages > node_modules/a: upstream's lockfile lacks it");
    }

    @Test
    void failingPatchNamesPatchFileAndHunkAndKeepsThePreviousFork() throws IOException {
        fx.pin(base, fx.patch("0001-a.patch", base, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        ForkState good = ok(materializer().apply(fx.upstream.toString()));
        String goodContent = Files.readString(good.dir().resolve("toolkit/a.py"));

        String moved = fx.commit("upstream moves", "toolkit/a.py", "x = 100\ny = 200\nz = 300\n");
        fx.patch("0002-conflict.patch", base, "toolkit/a.py", "x = 1\ny = 2\nz = 4\n");
        fx.pin(moved, "0002-conflict.patch");
        Result<ForkState> result = materializer().apply(fx.upstream.toString());

        assertThat(result).isInstanceOf(Result.Err.class);
        Failure failure = ((Result.Err<ForkState>) result).failure();
        assertThat(failure.message()).contains("0002-conflict.patch").contains("toolkit/a.py").contains("hunk #1 @@ -1,3");
        assertThat(Files.readString(good.dir().resolve("toolkit/a.py"))).isEqualTo(goodContent);
        try (var siblings = Files.list(good.dir().getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("ai-toolkit");
        }
    }

    @Test
    void unreachableSourceIsAnEnvironmentError() throws IOException {
        fx.pin(base);
        Result<ForkState> result = materializer().apply(tmp.resolve("missing").toString());
        assertThat(((Result.Err<ForkState>) result).failure().message()).contains("cannot clone");
    }

    @Test
    void absentBlobOutsideTheTrainerIsLeftOutAndPatchesStillCommit() throws IOException {
        String withKeymap = fx.commit("keymap", "toolkit/keymaps/big.safetensors", "0123456789".repeat(100));
        fx.pin(withKeymap, fx.patch("0001-a.patch", withKeymap, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        deleteBlob("toolkit/keymaps/big.safetensors", withKeymap);

        ForkState state = ok(materializer().apply(fx.upstream.toString()));
        assertThat(state.excludedPaths()).containsExactly("toolkit/keymaps/big.safetensors");
        assertThat(state.dir().resolve("toolkit/keymaps/big.safetensors")).doesNotExist();
        assertThat(Files.readString(state.dir().resolve("toolkit/a.py"))).contains("y = 20");
        assertThat(new Git(state.dir()).run("log", "--format=%s").stdout())
                .contains(ForkMaterializer.LEAVE_OUT_SUBJECT);
        String seriesBase = ForkBase.of(state);
        assertThat(seriesBase).as("the series applies on the leave-out commit").isNotEqualTo(withKeymap);
        assertThat(new Git(state.dir()).run("log", "-1", "--format=%s", seriesBase).stdout().strip())
                .isEqualTo(ForkMaterializer.LEAVE_OUT_SUBJECT);
        assertThat(new Git(state.dir()).run("diff", "--name-only", seriesBase, "HEAD").stdout().strip()).isEqualTo("toolkit/a.py");
    }

    @Test
    void withNothingLeftOutTheSeriesAppliesOnThePin() throws IOException {
        fx.pin(base, fx.patch("0001-a.patch", base, "toolkit/a.py", "x = 1\ny = 20\nz = 3\n"));
        ForkState state = ok(materializer().apply(fx.upstream.toString()));
        assertThat(ForkBase.of(state)).isEqualTo(base);
    }

    @Test
    void absentPythonSourceIsAnError() throws IOException {
        String withModule = fx.commit("module", "toolkit/needed.py", "important = True\n");
        fx.pin(withModule);
        deleteBlob("toolkit/needed.py", withModule);
        Result<ForkState> result = materializer().apply(fx.upstream.toString());
        assertThat(((Result.Err<ForkState>) result).failure().message()).contains("toolkit/needed.py");
    }

    /** Makes the upstream a partial clone lacking one blob, as the public mirror lacks a keymap. */
    private void deleteBlob(String path, String commit) throws IOException {
        String blob = fx.git.run("rev-parse", commit + ":" + path).stdout().strip();
        Path loose = fx.upstream.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
        assertThat(loose).exists();
        Files.delete(loose);
    }
}
