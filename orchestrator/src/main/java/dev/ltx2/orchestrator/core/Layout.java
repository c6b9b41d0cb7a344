package dev.ltx2.orchestrator.core;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the orchestrator's own files are: the repository checkout it runs from
 * ({@code patches/}, {@code python-env/}) and the cache outside it (upstream clone, fork,
 * venv, demo assets).
 */
public record Layout(Path home, Path cache) {

    /** Environment variable naming the cache root; the launcher exports it. */
    public static final String CACHE_ENV = "LTX2_ORCHESTRATOR_CACHE";
    public static final String HOME_PROPERTY = "orchestrator.home";

    public Path patchesDir() {
        return home.resolve("patches");
    }

    public Path pythonEnvDir() {
        return home.resolve("python-env");
    }

    public Path pythonSource() {
        return pythonEnvDir().resolve("src");
    }

    public Path upstreamMirrors() {
        return cache.resolve("upstream");
    }

    public Path forkDir() {
        return cache.resolve("fork").resolve("ai-toolkit");
    }

    public Path venvDir() {
        return cache.resolve("venv");
    }

    public Path demoDir() {
        return cache.resolve("demo");
    }

    /** Throwaway work trees (fork rebase-check); each run deletes its own. */
    public Path scratchDir() {
        return cache.resolve("scratch");
    }

    /** Resolves the layout: {@code --cache-dir} wins over the environment and the default. */
    public static Layout resolve(Path cacheOverride) {
        return new Layout(findHome(), cacheOverride != null ? cacheOverride.toAbsolutePath().normalize() : defaultCache());
    }

    public static Path defaultCache() {
        return defaultCache(System::getenv, Path.of(System.getProperty("user.home")));
    }

    /**
     * The cache root from an environment: {@value #CACHE_ENV}, else {@code $XDG_CACHE_HOME}, else
     * {@code userHome/.cache}, then {@code ltx2-orchestrator}. The launcher repeats it
     * ({@code bin/lib/cache-root.sh}, which says why; LauncherCacheTest compares the two).
     */
    public static Path defaultCache(Function<String, String> env, Path userHome) {
        String fromEnv = env.apply(CACHE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".cache");
        return base.resolve("ltx2-orchestrator").toAbsolutePath().normalize();
    }

    static Path findHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path codeSource = Path.of(Layout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = codeSource; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("patches").resolve("series"))) {
                    return dir;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
