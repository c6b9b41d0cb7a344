package dev.ltx2.orchestrator.pyenv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The venv the trainer runs in, and the environment every Python process (and the
 * embedded interpreter) gets: our package and the fork on the path, no network for model
 * hubs, no telemetry.
 */
public record PythonEnv(Path venvDir, Path pythonSource, Path forkDir) {

    public Path bin() {
        return venvDir.resolve("bin");
    }

    public Path python() {
        return bin().resolve("python");
    }

    public boolean exists() {
        return Files.isExecutable(python());
    }

    /** {@code lib/pythonX.Y/site-packages}; null until the venv exists. */
    public Path sitePackages() {
        Path lib = venvDir.resolve("lib");
        try (var dirs = Files.list(lib)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("python"))
                    .map(d -> d.resolve("site-packages"))
                    .filter(Files::isDirectory)
                    .findFirst()
                    .orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Version of the jep distribution installed in the venv (its dist-info), or null. */
    public String installedJep() {
        Path site = sitePackages();
        if (site == null) {
            return null;
        }
        try (var entries = Files.list(site)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("jep-") && n.endsWith(".dist-info"))
                    .map(n -> n.substring(4, n.length() - ".dist-info".length()))
                    .findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static String after(String ours, String inherited) {
        return inherited == null || inherited.isBlank() ? ours : ours + java.io.File.pathSeparator + inherited;
    }

    public String pythonPath() {
        return pythonSource + java.io.File.pathSeparator + forkDir;
    }

    /**
     * Variables for child Python processes; the embedded interpreter sets the same at start. The
     * caller's own PYTHONPATH stays on the path, after ours, as it does for the embedded
     * interpreter (which reads it at start): both runners see the same modules.
     */
    public Map<String, String> childEnvironment() {
        String path = bin() + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "");
        return Map.of(
                "PYTHONPATH", after(pythonPath(), System.getenv("PYTHONPATH")),
                "PATH", path,
                "VIRTUAL_ENV", venvDir.toString(),
                "PYTHONUNBUFFERED", "1",
                "HF_HUB_OFFLINE", "1",
                "TRANSFORMERS_OFFLINE", "1",
                "DISABLE_TELEMETRY", "YES",
                "NO_ALBUMENTATIONS_UPDATE", "1");
    }
}
