package dev.ltx2.orchestrator.fork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What moving the pin to another upstream revision would cost: one verdict per patch of
 * the series, in series order, and a summary.
 *
 * @param behind commits the pin has that the revision lacks (the revision is older, or forked off)
 * @param ahead commits the revision has that the pin lacks
 * @param excludedPaths files of the revision whose blobs the source lacks, left out as
 *     {@code fork apply} would leave them out
 */
public record RebaseReport(String source, String pin, String rev, String revCommit, int behind, int ahead,
        List<String> excludedPaths, List<PatchVerdict> patches, Summary summary) {

    /**
     * @param forkApplyWouldSucceed every patch applies as it is (cleanly or with line offsets),
     *     so {@code fork apply} on the new pin would work without refreshing any patch
     * @param counts patches per verdict, keyed by {@link PatchVerdict.Verdict#id()}, every verdict listed
     * @param firstBlocking the first patch that {@code fork apply} would stop at; null if none
     */
    public record Summary(int total, Map<String, Integer> counts, boolean forkApplyWouldSucceed, String firstBlocking) {

        public int count(PatchVerdict.Verdict verdict) {
            return counts.getOrDefault(verdict.id(), 0);
        }
    }

    public static RebaseReport of(String source, String pin, String rev, String revCommit, int behind, int ahead,
            List<String> excludedPaths, List<PatchVerdict> patches) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PatchVerdict.Verdict v : PatchVerdict.Verdict.values()) {
            counts.put(v.id(), 0);
        }
        patches.forEach(p -> counts.merge(p.verdict().id(), 1, Integer::sum));
        String firstBlocking = patches.stream()
                .filter(p -> !p.verdict().appliesAsIs())
                .map(PatchVerdict::patch)
                .findFirst().orElse(null);
        Summary summary = new Summary(patches.size(), Collections.unmodifiableMap(counts), firstBlocking == null, firstBlocking);
        return new RebaseReport(source, pin, rev, revCommit, behind, ahead, List.copyOf(excludedPaths), List.copyOf(patches), summary);
    }
}
