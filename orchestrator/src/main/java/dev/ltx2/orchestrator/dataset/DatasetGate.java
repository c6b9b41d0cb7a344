package dev.ltx2.orchestrator.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.dataset.DatasetReport.Dataset;
import dev.ltx2.orchestrator.dataset.DatasetReport.Finding;
import dev.ltx2.orchestrator.dataset.DatasetReport.Item;
import dev.ltx2.orchestrator.dataset.DatasetReport.Severity;
import dev.ltx2.schema.ResolvedConfig;
import dev.ltx2.schema.model.DatasetConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code train} does with the dataset check before any GPU time: every unusable item (it
 * cannot be read, has no picture, its caption is not UTF-8 ...) is named with the reason and
 * left out of training through the dataset's {@code skipped_files}, which the fork's loader
 * honours (patch 0019); every warning is named with the action the trainer takes (resampled,
 * mixed down, frames repeated). ai-toolkit itself would stop at step 0 on the first bad item,
 * with a traceback that names no file. A run the check predicts will fail is refused.
 */
public final class DatasetGate {
    /** Per severity, the items named on screen; {@code dataset check} lists the rest. */
    static final int SHOWN_PER_KIND = 20;

    /** The config the trainer gets (with {@code skipped_files}) and the lines to show before training. */
    public record Admitted(ResolvedConfig config, List<String> lines, int skipped) {}

    private DatasetGate() {}

    public static Result<Admitted> admit(ResolvedConfig config, List<DatasetReport.Process> reports, String checkCommand) {
        ObjectNode root = config.tree().deepCopy();
        List<String> lines = new ArrayList<>();
        int skipped = 0;
        for (DatasetReport.Process process : reports) {
            for (Dataset d : process.datasets()) {
                for (Finding f : d.findings()) {
                    if (f.severity() == Severity.ERROR) {
                        return Result.err(Failure.user(d.keyPath() + ": " + f.message(), checkCommand));
                    }
                    lines.add("warning: " + d.keyPath() + ": " + f.message());
                }
                List<Item> unusable = d.unusable();
                if (!d.items().isEmpty() && unusable.size() == d.items().size()) {
                    return Result.err(Failure.user(d.keyPath() + ": none of its " + d.items().size()
                            + " items can be trained on (" + firstReason(unusable.get(0)) + ")",
                            "fix the files, or run " + checkCommand + " to see every item"));
                }
                if (!unusable.isEmpty()) {
                    lines.add(String.format(java.util.Locale.ROOT, "dataset %s: %d of %d items left out (not trained on):",
                            d.keyPath(), unusable.size(), d.items().size()));
                    named(unusable, i -> "  skipped " + i.name() + ": " + firstReason(i), lines, checkCommand);
                    skip(root, process.index(), d, unusable);
                    skipped += unusable.size();
                }
                List<Item> warned = d.items().stream().filter(i -> !i.unusable() && !i.findings().isEmpty()).toList();
                if (!warned.isEmpty()) {
                    lines.add("dataset " + d.keyPath() + ": trained with these changes:");
                    named(warned, i -> "  " + i.name() + ": " + String.join("; ",
                            i.findings().stream().map(Finding::message).toList()), lines, checkCommand);
                }
            }
            Finding verdict = process.audio().verdict();
            if (process.audioStops()) {
                return Result.err(Failure.user(verdict.message(), "add clips with audio, or turn strict_audio_mode off; "
                        + checkCommand + " lists the clips without audio"));
            }
            if (verdict != null) {
                lines.add("warning: " + verdict.message());
            }
        }
        return Result.ok(new Admitted(new ResolvedConfig(config.file(), root), List.copyOf(lines), skipped));
    }

    private static String firstReason(Item item) {
        return item.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).findFirst()
                .orElse("unusable");
    }

    private static void named(List<Item> items, java.util.function.Function<Item, String> line, List<String> out,
                              String checkCommand) {
        items.stream().limit(SHOWN_PER_KIND).map(line).forEach(out::add);
        if (items.size() > SHOWN_PER_KIND) {
            out.add("  … and " + (items.size() - SHOWN_PER_KIND) + " more: " + checkCommand + " lists them all");
        }
    }

    /** {@code config.process[p].datasets[d].skipped_files}: the absolute paths, as the loader compares real paths. */
    private static void skip(ObjectNode root, int process, Dataset d, List<Item> unusable) {
        JsonNode dataset = root.path("config").path("process").path(process).path("datasets").path(d.index());
        if (!(dataset instanceof ObjectNode node)) {
            throw new IllegalStateException("no " + d.keyPath() + " in the resolved config");
        }
        ArrayNode files = node.putArray(DatasetConfig.SKIPPED_FILES.name());
        unusable.forEach(i -> files.add(i.file().toAbsolutePath().toString()));
    }
}
