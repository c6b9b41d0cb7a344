package dev.ltx2.orchestrator.dataset;

import java.nio.file.Path;
import java.util.List;

/** The findings of {@code dataset check} for one process: its datasets, their items, the audio forecast. */
public final class DatasetReport {
    private DatasetReport() {}

    public enum Severity { ERROR, WARNING }

    public record Finding(Severity severity, String message) {
        static Finding error(String message) {
            return new Finding(Severity.ERROR, message);
        }

        static Finding warning(String message) {
            return new Finding(Severity.WARNING, message);
        }
    }

    public enum Kind { VIDEO, IMAGE }

    /** Where an item's caption comes from, as ai-toolkit's {@code load_caption} resolves it. */
    public enum Caption { FILE, JSON, DEFAULT_CAPTION, EMPTY }

    /**
     * @param audioExpected the item is a clip in a dataset that loads audio
     * @param trainsWithAudio the clip has a decodable audio track, so its steps get real audio supervision
     */
    public record Item(Path file, String name, Kind kind, MediaInfo media, Caption caption, List<Buckets.Size> buckets,
                       boolean audioExpected, boolean trainsWithAudio, List<Finding> findings) {
        /** An item with an error would stop ai-toolkit (or train on nothing): {@code train} leaves it out. */
        public boolean unusable() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /**
     * @param weight how often each item is seen per epoch relative to others: num_repeats × number of resolutions
     */
    public record Dataset(int index, String keyPath, Path folder, boolean video, boolean audio, long numFrames, double fps,
                          long weight, List<Item> items, List<Finding> findings) {
        public long clips() {
            return items.stream().filter(i -> i.kind() == Kind.VIDEO).count();
        }

        public long images() {
            return items.stream().filter(i -> i.kind() == Kind.IMAGE).count();
        }

        /** The items {@code train} leaves out ({@link Item#unusable()}), in listing order. */
        public List<Item> unusable() {
            return items.stream().filter(Item::unusable).toList();
        }

        public boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    /**
     * The forecast strict_audio_mode is about: among video items in datasets that load audio
     * (weighted by how often they are drawn), the share with real audio.
     *
     * @param share null when no video item loads audio
     */
    public record AudioForecast(long eligible, long supervised, Double share, List<String> withoutAudio,
                                List<String> audioOff, boolean strict, double minRatio, Finding verdict) {}

    public record Process(int index, List<Dataset> datasets, AudioForecast audio) {
        public boolean hasErrors() {
            return datasets.stream().anyMatch(d -> d.hasErrors() || !d.unusable().isEmpty()) || audioStops();
        }

        /** strict_audio_mode is predicted to stop the run after warmup. */
        public boolean audioStops() {
            return audio.verdict() != null && audio.verdict().severity() == Severity.ERROR;
        }
    }
}
