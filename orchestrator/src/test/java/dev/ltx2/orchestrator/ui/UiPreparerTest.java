package dev.ltx2.orchestrator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPreparerTest {
    @TempDir Path tmp;

    private UiPaths paths() throws IOException {
        Path fork = tmp.resolve("fork/ai-toolkit");
        Files.createDirectories(fork.resolve("ui"));
        Files.writeString(fork.resolve("ui/package.json"), "{\"name\":\"x\"}\n");
        Files.writeString(fork.resolve("ui/package-lock.json"), "{\"lockfileVersion\":3}\n");
        return UiPaths.of(tmp.resolve("cache"), fork);
    }

    @Test
    void dependencyFolderIsKeyedByTheLockfile() throws IOException {
        UiPaths paths = paths();
        UiPreparer preparer = new UiPreparer(paths, Map.of(), m -> {});
        String before = ((Result.Ok<String>) preparer.lockKey()).value();
        assertThat(((Result.Ok<String>) preparer.lockKey()).value()).isEqualTo(before);
        Files.writeString(paths.app().resolve("package-lock.json"), "{\"lockfileVersion\":3,\"x\":1}\n");
        assertThat(((Result.Ok<String>) preparer.lockKey()).value()).isNotEqualTo(before).hasSize(16);
    }

    @Test
    void aForkWithoutTheUiIsAnEnvironmentErrorThatSaysWhatToRun() {
        UiPaths paths = UiPaths.of(tmp.resolve("cache"), tmp.resolve("no-fork"));
        Result<String> key = new UiPreparer(paths, Map.of(), m -> {}).lockKey();
        assertThat(key).isInstanceOf(Result.Err.class);
        assertThat(((Result.Err<String>) key).failure().fix()).contains("run: orchestrator fork apply");
    }

    @Test
    void linkReplacesADirectoryOrAStaleLinkAndKeepsAGoodOne() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("deps/node_modules"));
        Path link = tmp.resolve("app/node_modules");
        Files.createDirectories(link.resolve("left-over"));
        assertThat(UiPreparer.link(link, target)).isInstanceOf(Result.Ok.class);
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(UiPreparer.link(link, target)).isInstanceOf(Result.Ok.class);
        Path other = Files.createDirectories(tmp.resolve("deps2/node_modules"));
        UiPreparer.link(link, other);
        assertThat(Files.readSymbolicLink(link)).isEqualTo(other);
    }

    @Test
    void aBuildCountsOnlyWithItsOutputsAndTheSameDependencies() throws IOException {
        Path app = Files.createDirectories(tmp.resolve("ui"));
        assertThat(UiPreparer.isBuilt(app, "k1")).isFalse();
        Files.createDirectories(app.resolve(".next"));
        Files.writeString(app.resolve(".next/BUILD_ID"), "x");
        Files.createDirectories(app.resolve("dist/cron"));
        Files.writeString(app.resolve("dist/cron/worker.js"), "");
        Files.writeString(app.resolve(UiPreparer.BUILT_STAMP), "k1\n");
        assertThat(UiPreparer.isBuilt(app, "k1")).isTrue();
        assertThat(UiPreparer.isBuilt(app, "k2")).isFalse();
    }

    @Test
    void aDatabaseLeftInTheForkMovesToTheCacheWithItsWal() throws IOException {
        UiPaths paths = paths();
        Files.writeString(paths.databaseLink(), "db");
        Files.writeString(paths.databaseLink().resolveSibling("aitk_db.db-wal"), "wal");
        Files.createDirectories(paths.state());
        assertThat(new UiPreparer(paths, Map.of(), m -> {}).adoptExistingDatabase()).isInstanceOf(Result.Ok.class);
        assertThat(Files.readString(paths.database())).isEqualTo("db");
        assertThat(Files.readString(paths.database().resolveSibling("aitk_db.db-wal"))).isEqualTo("wal");
        assertThat(paths.databaseLink()).doesNotExist();
    }

    @Test
    void aNewInstallRemovesTheInstallsForOtherLockfiles() throws IOException {
        Path keep = Files.createDirectories(tmp.resolve("deps/new/node_modules")).getParent();
        Files.createDirectories(tmp.resolve("deps/old/node_modules/x"));
        UiPreparer.pruneOtherDeps(keep);
        assertThat(tmp.resolve("deps/old")).doesNotExist();
        assertThat(keep.resolve("node_modules")).isDirectory();
    }

    @Test
    void nodeVersionsParse() {
        assertThat(NodeTools.parseMajor("v20.20.2")).isEqualTo(20);
        assertThat(NodeTools.parseMajor("18.1.0")).isEqualTo(18);
        assertThat(NodeTools.parseMajor("garbage")).isEqualTo(-1);
    }

    @Test
    void serverRunsUpstreamsWorkerAndFileServerOnTheAskedPort() {
        UiPaths paths = UiPaths.of(Path.of("/c"), Path.of("/f"));
        assertThat(UiServer.command(paths, 9123)).contains("node dist/cron/worker.js",
                "node dist/cron/fileServer.js start --port 9123");
    }
}
