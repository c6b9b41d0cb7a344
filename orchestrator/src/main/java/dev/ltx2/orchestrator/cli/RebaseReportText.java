package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.fork.PatchVerdict;
import dev.ltx2.orchestrator.fork.PatchVerdict.Verdict;
import dev.ltx2.orchestrator.fork.RebaseReport;
import java.util.stream.Collectors;

/** The human form of a {@link RebaseReport}: one row per patch, details indented under it. */
final class RebaseReportText {
    private RebaseReportText() {}

    static String render(RebaseReport r) {
        StringBuilder out = new StringBuilder();
        String revShort = r.revCommit().substring(0, 8);
        out.append("rebase-check: patches/series (").append(patches(r.patches().size())).append(") from pin ")
                .append(r.pin(), 0, 8).append(" onto ")
                .append(r.rev().equals(r.revCommit()) ? revShort : r.rev() + " = " + revShort).append('\n');
        out.append("  source: ").append(r.source()).append('\n');
        out.append("  distance: ").append(distance(r, revShort)).append('\n');
        if (!r.excludedPaths().isEmpty()) {
            out.append("  left out (blob absent from the source): ").append(String.join(", ", r.excludedPaths())).append('\n');
        }
        int width = Math.max(5, r.patches().stream().mapToInt(p -> p.patch().length()).max().orElse(5));
        out.append('\n').append(String.format("  %3s  %-" + width + "s  %s%n", "#", "patch", "verdict"));
        for (PatchVerdict p : r.patches()) {
            out.append(String.format("  %3d  %-" + width + "s  %s%n", p.index(), p.patch(), p.verdict().description()));
            details(out, p);
        }
        RebaseReport.Summary s = r.summary();
        out.append('\n').append("summary: ").append(patches(s.total())).append(": ")
                .append(s.count(Verdict.CLEAN)).append(" clean, ")
                .append(s.count(Verdict.OFFSET)).append(" with line offsets, ")
                .append(s.count(Verdict.THREE_WAY)).append(" only with --3way, ")
                .append(s.count(Verdict.ALREADY_APPLIED)).append(" already upstream, ")
                .append(s.count(Verdict.CONFLICT)).append(" conflicting\n");
        out.append("fork apply at ").append(revShort).append(": ")
                .append(s.forkApplyWouldSucceed()
                        ? "would succeed with the series as it is"
                        : "would stop at " + s.firstBlocking() + "; refresh the patches above that need work (docs/patches.md, Upstream drift)")
                .append('\n');
        return out.toString();
    }

    private static String patches(int n) {
        return n + (n == 1 ? " patch" : " patches");
    }

    private static String distance(RebaseReport r, String revShort) {
        if (r.ahead() < 0) {
            return "unknown";
        }
        if (r.ahead() == 0 && r.behind() == 0) {
            return revShort + " is the pin";
        }
        return revShort + " is " + r.ahead() + " commit(s) ahead of the pin and " + r.behind() + " behind it";
    }

    private static void details(StringBuilder out, PatchVerdict p) {
        String pad = "         ";
        for (PatchVerdict.Offset o : p.offsets()) {
            out.append(pad).append(o.file()).append(": hunk #").append(o.hunk()).append(" at line ").append(o.line())
                    .append(String.format(" (%+d)", o.lines())).append('\n');
        }
        for (PatchVerdict.Hunk h : p.conflicts()) {
            out.append(pad).append("conflict: ").append(h.file()).append(": ").append(h.where()).append('\n');
        }
        if (!p.mergeConflicts().isEmpty()) {
            out.append(pad).append("git am --3way leaves unmerged: ").append(String.join(", ", p.mergeConflicts())).append('\n');
        }
        if (!p.afterConflictIn().isEmpty()) {
            out.append(pad).append("checked after the partly applied ")
                    .append(p.afterConflictIn().stream().collect(Collectors.joining(", ")))
                    .append(" (same files; may be a knock-on)\n");
        }
        if (!p.changedUpstream().isEmpty()) {
            out.append(pad).append("changed upstream since the pin: ").append(String.join(", ", p.changedUpstream())).append('\n');
        }
    }
}
