package dev.ltx2.orchestrator.fork;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Structural checks of the series against the SOP item table, as ungoogled-chromium's
 * check_patch_files does for its series: every SOP item once, every patch accounted for,
 * every patch header naming what it is, where it applies and what verifies it.
 */
public final class SeriesConsistency {
    private SeriesConsistency() {}

    public static List<String> problems(PatchSeries series, SopItems sop, UpstreamPin pin) {
        List<String> problems = new ArrayList<>();
        Set<String> expected = IntStream.rangeClosed('A', 'Z').mapToObj(c -> String.valueOf((char) c)).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        Set<String> listed = series.patches().stream().map(PatchSeries.Patch::name).collect(Collectors.toSet());
        Set<String> referenced = new HashSet<>();
        for (SopItems.Item item : sop.items()) {
            if (!seen.add(item.id())) {
                problems.add("SOP item " + item.id() + " appears twice in " + SopItems.FILE_NAME);
            }
            if (!SopItems.STATUSES.contains(item.status())) {
                problems.add("SOP item " + item.id() + ": unknown status '" + item.status() + "'");
            }
            if (item.status().equals("patched") && item.patches().isEmpty()) {
                problems.add("SOP item " + item.id() + " is 'patched' but names no patch");
            }
            if (item.done() && item.tests().isEmpty()) {
                problems.add("SOP item " + item.id() + " is '" + item.status() + "' but names no test");
            }
            for (String p : item.patches()) {
                referenced.add(p);
                if (!listed.contains(p)) {
                    problems.add("SOP item " + item.id() + " names " + p + ", which is not in patches/series");
                }
            }
        }
        expected.removeAll(seen);
        if (!expected.isEmpty()) {
            problems.add("SOP items missing from " + SopItems.FILE_NAME + ": " + String.join(", ", expected.stream().sorted().toList()));
        }
        sop.infrastructure().forEach(i -> referenced.add(i.patch()));
        for (PatchSeries.Patch patch : series.patches()) {
            if (!referenced.contains(patch.name())) {
                problems.add(patch.name() + " is in the series but no SOP item or infrastructure entry names it");
            }
            String text = patch.text();
            if (!text.contains("Upstream: ostris/ai-toolkit " + pin.commit())) {
                problems.add(patch.name() + ": header lacks 'Upstream: ostris/ai-toolkit " + pin.commit() + "'");
            }
            if (!text.contains("Why:")) {
                problems.add(patch.name() + ": header lacks 'Why:'");
            }
            if (!text.contains("Verified by:")) {
                problems.add(patch.name() + ": header lacks 'Verified by:'");
            }
            if (!text.contains("SOP item") && !text.contains("Kind: infrastructure")) {
                problems.add(patch.name() + ": header names no SOP item and is not marked 'Kind: infrastructure'");
            }
        }
        return problems;
    }
}
