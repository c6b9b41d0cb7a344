package dev.ltx2.orchestrator.lora;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The human-readable form of a {@link LoraReport}. */
public final class ReportText {
    /** Long metadata values (job configs) are cut in the text form; --json has them whole. */
    private static final int VALUE_WIDTH = 160;

    private ReportText() {}

    public static void print(LoraReport r, PrintWriter out) {
        out.printf("%s%n", r.file());
        out.printf("  size       %s, %d tensors (%s)%n", Numbers.bytes(r.bytes()), r.tensors(), join(r.dtypes()));
        out.printf("  format     %s%n", r.formats().isEmpty() ? "-" : r.formats().entrySet().stream()
                .map(e -> KeyFormat.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)).label() + ": " + e.getValue() + " modules")
                .collect(Collectors.joining("; ")));
        out.printf("  network    %s%n", r.networks().isEmpty() ? "-" : join(r.networks()));
        out.printf("  rank       %s%n", r.ranks().isEmpty() ? "full (no low-rank factors)" : r.ranks().size() == 1
                ? r.ranks().keySet().iterator().next() + " (all modules)" : join(r.ranks()) + " (rank: modules)");
        LoraReport.AlphaSummary a = r.alpha();
        out.printf("  alpha      %s%n", a.modulesWithAlpha() == 0 ? "none stored: loaders apply scale 1 (as if alpha = rank)"
                : join(a.values()) + " (alpha: modules)" + (a.modulesWithout() > 0 ? ", " + a.modulesWithout() + " modules without" : ""));
        out.println();
        int width = r.streams().stream().mapToInt(s -> s.label().length()).max().orElse(10);
        String format = "  %-12s %-" + width + "s  %-15s %7s  %-10s  %s%n";
        out.printf(format, "stream", "covers", "KJNodes slider", "modules", "‖ΔW‖_F", "largest module");
        for (StreamSummary s : r.streams()) {
            String sliders = s.kjnodesSliders().isEmpty() ? "-" : String.join(",", s.kjnodesSliders());
            String largest = s.largestModule() == null ? "" : s.largestModule() + " (" + Numbers.sci(s.largestNorm()) + ")";
            String unmeasured = s.notMeasured() > 0 ? "  [" + s.notMeasured() + " not measured]" : "";
            out.printf(format, s.id(), s.label(), sliders, s.modules(), Numbers.sci(s.deltaNorm()), largest + unmeasured);
        }
        TrainingSummary t = r.training();
        out.println();
        out.println("  training");
        row(out, "software", t.software());
        row(out, "step / epoch", t.step() == null ? null : t.step() + " / " + (t.epoch() == null ? "?" : t.epoch()));
        row(out, "base model", t.baseModel());
        row(out, "output name", t.outputName());
        row(out, "do_audio", t.doAudio() == null ? "unknown (no job config found)" : t.doAudio() + ", from " + t.doAudioSource());
        if (!r.metadata().isEmpty()) {
            out.println();
            out.println("  metadata");
            r.metadata().forEach((k, v) -> row(out, k, v));
        }
        out.println();
        out.println("  loaders");
        for (LoaderVerdict v : r.loaders()) {
            out.printf("    %-42s %s%n", v.loader(), v.verdict());
            v.reasons().forEach(reason -> out.printf("      - %s%n", reason));
        }
        if (!r.unrecognisedKeys().isEmpty()) {
            out.println();
            out.printf("  not adapter tensors: %d, e.g. %s%n", r.unrecognisedKeys().size(), r.unrecognisedKeys().get(0));
        }
        if (!r.warnings().isEmpty()) {
            out.println();
            out.println("  warnings");
            r.warnings().forEach(w -> out.printf("    ! %s%n", w));
        }
        if (!r.notes().isEmpty()) {
            out.println();
            out.println("  notes");
            r.notes().forEach(n -> out.printf("    - %s%n", n));
        }
        out.flush();
    }

    private static void row(PrintWriter out, String key, String value) {
        if (value == null) {
            return;
        }
        String oneLine = value.replace('\n', ' ');
        if (oneLine.length() > VALUE_WIDTH) {
            oneLine = oneLine.substring(0, VALUE_WIDTH) + "… (" + value.length() + " chars; --json shows all)";
        }
        out.printf("    %-22s %s%n", key, oneLine);
    }

    private static String join(Map<?, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }
}
