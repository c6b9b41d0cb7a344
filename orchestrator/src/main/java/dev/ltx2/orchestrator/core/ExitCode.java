package dev.ltx2.orchestrator.core;

/** Process exit codes, documented in the README. */
public enum ExitCode {
    OK(0),
    /** Bad input the user can fix: invalid config, missing dataset, unknown option. */
    USER_ERROR(1),
    /** The machine is not ready: Python, git, Jep, upstream source, disk. */
    ENVIRONMENT_ERROR(2),
    /** Training started and failed (Python exception, crash). */
    TRAINING_FAILED(3),
    /** Stopped by SIGINT after the last checkpoint was written. */
    INTERRUPTED(130),
    /** Stopped by SIGTERM after the last checkpoint was written. */
    TERMINATED(143);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
