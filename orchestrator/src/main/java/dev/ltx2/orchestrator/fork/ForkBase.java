package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;

/**
 * The commit the patch series applies on: the pin, or the materialiser's "leave out" commit on
 * top of it when the upstream source lacked files. Diffs against it are exactly our changes;
 * scripts ask {@code orchestrator fork base} instead of searching the fork's log themselves.
 */
public final class ForkBase {
    private ForkBase() {}

    public static String of(ForkState fork) {
        Exec.Output leaveOut = new Git(fork.dir()).run("log", "--format=%H", "--grep=^" + ForkMaterializer.LEAVE_OUT_SUBJECT, "-1");
        return leaveOut.ok() && !leaveOut.stdout().isBlank() ? leaveOut.stdout().strip() : fork.commit();
    }
}
