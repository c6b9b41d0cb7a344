package dev.ltx2.orchestrator.lora;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link LoraReport}: groups tensors into modules, measures them in parallel (one
 * memory-mapped module at a time per core) and turns the numbers into per-stream totals,
 * loader verdicts and warnings.
 */
public final class LoraInspector {
    private LoraInspector() {}

    public static Result<LoraReport> inspect(SafetensorsFile file) {
        SafetensorsHeader header = file.header();
        ModuleIndex index = ModuleIndex.of(header.tensors());
        ModuleMeasurer measurer = new ModuleMeasurer(file);
        List<ModuleResult> results;
        try {
            results = index.modules().parallelStream().map(measurer::measure).toList();
        } catch (UncheckedIOException e) {
            return Result.err(Failure.user(file.path() + ": cannot be read: " + e.getCause().getMessage(), null));
        }
        TrainingSummary training = TrainingMetadata.read(header.metadata(), file.path());
        List<StreamSummary> streams = streams(results);
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        judge(file.path(), index, results, streams, training, warnings, notes);
        return Result.ok(new LoraReport(
                file.path().toString(), file.size(), header.tensors().size(),
                countBy(header.tensors().stream().map(t -> t.dtype().name()).toList()),
                countBy(index.modules().stream().map(m -> m.format().id()).toList()),
                countBy(results.stream().map(r -> r.network().label()).toList()),
                new TreeMap<>(countBy(results.stream().filter(r -> r.rank() != null).map(ModuleResult::rank).toList())),
                alpha(results), streams, index.unrecognised(), training,
                new TreeMap<>(header.metadata()),
                LoaderCompatibility.judge(results, index.unrecognised()),
                List.copyOf(warnings), List.copyOf(notes)));
    }

    private static List<StreamSummary> streams(List<ModuleResult> results) {
        List<StreamSummary> out = new ArrayList<>();
        for (Stream s : Stream.values()) {
            List<ModuleResult> mine = results.stream().filter(r -> r.module().stream() == s).toList();
            double sumSquares = 0;
            int measured = 0;
            ModuleResult largest = null;
            for (ModuleResult r : mine) {
                if (r.norm() != null) {
                    sumSquares += r.norm() * r.norm();
                    measured++;
                    if (largest == null || r.norm() > largest.norm()) {
                        largest = r;
                    }
                }
            }
            List<String> sliders = List.copyOf(new TreeSet<>(mine.stream().map(r -> r.module().kjnodesGroup()).toList()));
            out.add(new StreamSummary(s.id(), s.label(), mine.size(), sliders,
                    measured == 0 ? null : Math.sqrt(sumSquares),
                    largest == null ? null : largest.module().module(), largest == null ? null : largest.norm(),
                    mine.size() - measured));
        }
        return out;
    }

    private static void judge(Path path, ModuleIndex index, List<ModuleResult> results, List<StreamSummary> streams,
                              TrainingSummary training, List<String> warnings, List<String> notes) {
        if (results.isEmpty()) {
            warnings.add("no adapter modules found: this does not look like a LoRA");
        }
        if (Boolean.FALSE.equals(training.doAudio())) {
            List<String> audio = streams.stream()
                    .filter(s -> Stream.byId(s.id()).orElseThrow().isAudioBranch() && s.deltaNorm() != null && s.deltaNorm() > 0)
                    .map(s -> s.id() + " " + Numbers.sci(s.deltaNorm())).toList();
            if (!audio.isEmpty()) {
                warnings.add("trained without audio (do_audio: false, from " + training.doAudioSource()
                        + ") but the audio branch changed: " + String.join(", ", audio)
                        + ". These deltas can damage voices (ai-toolkit#1020); remove them with: "
                        + "orchestrator lora strip --streams audio,a2v,v2a " + path + " -o " + videoOnly(path));
            }
        }
        List<ModuleResult> nonFinite = results.stream().filter(ModuleResult::nonFinite).toList();
        if (!nonFinite.isEmpty()) {
            warnings.add(nonFinite.size() + " module(s) contain NaN or Inf, e.g. " + nonFinite.get(0).module().name()
                    + ": the LoRA will break generation");
        }
        List<ModuleResult> incomplete = results.stream().filter(r -> r.network() == NetworkType.INCOMPLETE).toList();
        if (!incomplete.isEmpty()) {
            warnings.add(incomplete.size() + " incomplete module(s), e.g. " + incomplete.get(0).module().name()
                    + " (" + incomplete.get(0).problem() + ")");
        }
        List<ModuleResult> other = results.stream()
                .filter(r -> r.norm() == null && !r.nonFinite() && r.network() != NetworkType.INCOMPLETE).toList();
        if (!other.isEmpty()) {
            notes.add(other.size() + " module(s) without a norm, e.g. " + other.get(0).module().name() + ": "
                    + other.get(0).problem());
        }
        if (!index.unrecognised().isEmpty()) {
            warnings.add(index.unrecognised().size() + " key(s) are not adapter tensors (or repeat a role), e.g. "
                    + index.unrecognised().get(0));
        }
        long formats = index.modules().stream().map(LoraModule::format).distinct().count();
        if (formats > 1) {
            warnings.add("mixed key formats in one file: loaders pick one naming and drop the rest");
        }
        long zero = results.stream().filter(r -> r.norm() != null && r.norm() == 0).count();
        if (zero > 0) {
            notes.add(zero + " module(s) have ΔW = 0 (e.g. an up-projection still at its zero initialisation)");
        }
        boolean lora = results.stream().anyMatch(r -> r.network() == NetworkType.LORA || r.network() == NetworkType.DORA);
        if (results.stream().anyMatch(r -> r.network() == NetworkType.LOKR && r.rank() == null && r.alpha() != null)) {
            notes.add("full-rank LoKr (neither factor decomposed): loaders ignore its alpha and apply scale 1");
        }
        if (lora && results.stream().noneMatch(r -> r.alpha() != null)) {
            notes.add("no alpha tensors: ComfyUI, diffusers and Lightricks apply scale 1, i.e. alpha = rank; "
                    + "the norms use scale 1");
        }
        if (results.stream().anyMatch(r -> r.network() == NetworkType.DORA)) {
            notes.add("DoRA: the norms cover the low-rank direction update only; the magnitude (dora_scale or "
                    + "ai-toolkit's .magnitude) needs the base weights");
        }
    }

    private static Path videoOnly(Path path) {
        String name = path.getFileName().toString();
        String stem = name.endsWith(".safetensors") ? name.substring(0, name.length() - ".safetensors".length()) : name;
        return path.resolveSibling(stem + ".video-only.safetensors");
    }

    private static LoraReport.AlphaSummary alpha(List<ModuleResult> results) {
        Map<String, Integer> values = new TreeMap<>();
        int with = 0;
        for (ModuleResult r : results) {
            if (r.alpha() != null) {
                with++;
                values.merge(Numbers.plain(r.alpha()), 1, Integer::sum);
            }
        }
        return new LoraReport.AlphaSummary(with, results.size() - with, values);
    }

    private static <T> Map<T, Integer> countBy(List<T> items) {
        Map<T, Integer> counts = new LinkedHashMap<>();
        items.forEach(i -> counts.merge(i, 1, Integer::sum));
        return counts;
    }
}
