package dev.ltx2.orchestrator.lora;

import java.util.List;
import java.util.Map;

/** Everything {@code orchestrator lora inspect} reports; serialised as-is for --json. */
public record LoraReport(
        String file,
        long bytes,
        int tensors,
        Map<String, Integer> dtypes,
        Map<String, Integer> formats,
        Map<String, Integer> networks,
        Map<Integer, Integer> ranks,
        AlphaSummary alpha,
        List<StreamSummary> streams,
        List<String> unrecognisedKeys,
        TrainingSummary training,
        Map<String, String> metadata,
        List<LoaderVerdict> loaders,
        List<String> warnings,
        List<String> notes) {

    /** Stored alphas: how many modules have one, and how many modules share each value. */
    public record AlphaSummary(int modulesWithAlpha, int modulesWithout, Map<String, Integer> values) {}
}
