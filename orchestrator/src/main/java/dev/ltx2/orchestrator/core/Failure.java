package dev.ltx2.orchestrator.core;

import java.util.Optional;

/**
 * A failure the orchestrator reports to the user: what went wrong, how to fix it, and
 * the exit code it maps to. Services return these inside {@link Result} instead of
 * throwing, so every command reports errors the same way.
 */
public record Failure(ExitCode exitCode, String message, Optional<String> fix, Optional<String> detail) {

    public static Failure user(String message, String fix) {
        return new Failure(ExitCode.USER_ERROR, message, Optional.ofNullable(fix), Optional.empty());
    }

    public static Failure environment(String message, String fix) {
        return new Failure(ExitCode.ENVIRONMENT_ERROR, message, Optional.ofNullable(fix), Optional.empty());
    }

    public Failure withDetail(String moreDetail) {
        return new Failure(exitCode, message, fix, Optional.ofNullable(moreDetail));
    }

    /**
     * The innermost cause of an exception chain: what went wrong, where the outer exceptions
     * only say what was being done ("Can't get Docker image" over "UnknownHostException").
     */
    public static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root;
    }
}
