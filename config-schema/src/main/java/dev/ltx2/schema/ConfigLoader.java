package dev.ltx2.schema;

import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a job config as ai-toolkit reads it and validates it ({@link ConfigValidator}):
 * a resolved config with warnings, or the errors.
 */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static LoadResult load(Path file, Map<String, String> env) {
        return ConfigValidator.validate(file, ValidationContext.of(env)).toLoadResult();
    }

    public static LoadResult load(Path file, ValidationContext context) {
        return ConfigValidator.validate(file, context).toLoadResult();
    }
}
