package dev.ltx2.orchestrator.fork;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How one patch of the series fares on another upstream revision.
 *
 * @param offsets hunks that applied at another line than the patch records (OFFSET)
 * @param conflicts hunks that do not apply, with or without {@code --3way} (CONFLICT)
 * @param mergeConflicts files {@code git am --3way} left unmerged (conflict markers, or modify/delete)
 * @param changedUpstream files this patch touches that differ between the pin and the revision
 * @param afterConflictIn earlier conflicting patches that touch the same files: this verdict
 *     was reached on a tree where those were only partly applied, so it may be a knock-on
 */
public record PatchVerdict(int index, String patch, String subject, Verdict verdict,
        List<Offset> offsets, List<Hunk> conflicts, List<String> mergeConflicts,
        List<String> changedUpstream, List<String> afterConflictIn) {

    public enum Verdict {
        CLEAN("clean", "applies cleanly"),
        OFFSET("offset", "applies with line offsets"),
        THREE_WAY("three-way", "applies only with --3way"),
        ALREADY_APPLIED("already-applied", "already upstream (applies in reverse)"),
        CONFLICT("conflict", "conflicts");

        private final String id;
        private final String description;

        Verdict(String id, String description) {
            this.id = id;
            this.description = description;
        }

        @JsonValue
        public String id() {
            return id;
        }

        public String description() {
            return description;
        }

        /** {@code fork apply} (plain {@code git am}) would take the patch as it is. */
        public boolean appliesAsIs() {
            return this == CLEAN || this == OFFSET;
        }
    }

    /** Hunk {@code hunk} of {@code file} applied at {@code line}, {@code lines} away from where the patch says. */
    public record Offset(String file, int hunk, int line, int lines) {}

    /** A hunk (or a whole file) that does not apply; {@code where} names it as the patch does. */
    public record Hunk(String file, String where) {}
}
