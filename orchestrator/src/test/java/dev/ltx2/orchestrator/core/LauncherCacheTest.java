package dev.ltx2.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's copy of the cache formula (bin/lib/cache-root.sh, needed before the JVM starts)
 * run in bash against {@link Layout}'s, for every way of naming the cache.
 */
class LauncherCacheTest {
    static final Path HOME = Path.of(System.getProperty("user.dir")).resolve("..").normalize();

    @TempDir Path dir;

    @Test
    void theDefaultIsUnderTheUsersHome() throws Exception {
        assertAgree(Map.of(), List.of());
    }

    @Test
    void xdgCacheHomeMovesIt() throws Exception {
        assertAgree(Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString()), List.of());
    }

    @Test
    void theVariableWinsOverXdg() throws Exception {
        assertAgree(Map.of(Layout.CACHE_ENV, dir.resolve("a/../cache").toString(),
                "XDG_CACHE_HOME", dir.resolve("xdg").toString()), List.of());
    }

    @Test
    void cacheDirWinsInBothSpellings() throws Exception {
        Path flag = dir.resolve("flag/./cache");
        Map<String, String> env = Map.of(Layout.CACHE_ENV, dir.resolve("env").toString());
        assertThat(launcher(env, List.of("train", "--cache-dir", flag.toString())))
                .isEqualTo(launcher(env, List.of("--cache-dir=" + flag)))
                .isEqualTo(Layout.resolve(flag).cache());
    }

    /** The launcher's answer equals Layout's for the same environment and home. */
    void assertAgree(Map<String, String> env, List<String> args) throws Exception {
        Path userHome = dir.resolve("home");
        Map<String, String> withHome = new HashMap<>(env);
        withHome.put("HOME", userHome.toString());
        assertThat(launcher(withHome, args)).isEqualTo(Layout.defaultCache(withHome::get, userHome));
    }

    /** What {@code cache_root} prints with exactly {@code env} (no inherited cache variables). */
    Path launcher(Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", ". bin/lib/cache-root.sh && cache_root \"$@\"", "cache_root"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(HOME.toFile());
        pb.environment().keySet().removeAll(List.of("HOME", "XDG_CACHE_HOME", Layout.CACHE_ENV));
        pb.environment().putIfAbsent("HOME", dir.resolve("home").toString());
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return Path.of(out);
    }
}
