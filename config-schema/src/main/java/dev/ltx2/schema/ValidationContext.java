package dev.ltx2.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What validation needs from outside the file.
 *
 * @param env variables for {@code ${VAR}} substitution (the orchestrator adds LTX2_DEMO_DIR)
 * @param workingDirectory what relative paths resolve against (ai-toolkit's working directory)
 * @param generatedRoots folders the orchestrator creates on demand (the demo assets): paths under
 *     them are not reported missing while the folder itself does not exist yet
 */
public record ValidationContext(Map<String, String> env, Path workingDirectory, List<Path> generatedRoots) {

    public ValidationContext {
        env = Map.copyOf(env);
        generatedRoots = List.copyOf(generatedRoots);
    }

    public static ValidationContext of(Map<String, String> env) {
        return new ValidationContext(env, Path.of("").toAbsolutePath(), List.of());
    }

    public ValidationContext withGeneratedRoot(Path root) {
        List<Path> roots = new java.util.ArrayList<>(generatedRoots);
        roots.add(root.toAbsolutePath().normalize());
        return new ValidationContext(env, workingDirectory, roots);
    }

    public Path resolve(String path) {
        return workingDirectory.resolve(path).toAbsolutePath().normalize();
    }

    /** A missing path the orchestrator will generate before training (under a generated root that is not there yet). */
    public boolean generatedLater(Path p) {
        return generatedRoots.stream().anyMatch(root -> p.startsWith(root) && !java.nio.file.Files.exists(root));
    }
}
