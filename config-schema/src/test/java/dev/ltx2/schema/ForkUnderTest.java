package dev.ltx2.schema;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The fork and the venv's interpreter that tests compare the schema with, as bin/test names them
 * ({@code LTX2_FORK_DIR}, {@code LTX2_VENV_PYTHON}, both the orchestrator's own answers from
 * {@code orchestrator paths}). This module never works the cache path out itself: core/Layout is
 * the one place that does, and this module is built before the orchestrator.
 */
public final class ForkUnderTest {
    public static final String FORK_ENV = "LTX2_FORK_DIR";
    public static final String PYTHON_ENV = "LTX2_VENV_PYTHON";

    private ForkUnderTest() {}

    public static Optional<Path> fork() {
        return fromEnv(FORK_ENV);
    }

    public static Optional<Path> python() {
        return fromEnv(PYTHON_ENV);
    }

    /** Why a test that needs {@code name} did not run. */
    public static String missing(String name) {
        return "needs " + name + " (bin/test sets it to the orchestrator's fork and venv; run that, or export it)";
    }

    private static Optional<Path> fromEnv(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }
}
