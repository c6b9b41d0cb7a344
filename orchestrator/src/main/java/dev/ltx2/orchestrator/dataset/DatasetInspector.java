package dev.ltx2.orchestrator.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.dataset.DatasetReport.AudioForecast;
import dev.ltx2.orchestrator.dataset.DatasetReport.Caption;
import dev.ltx2.orchestrator.dataset.DatasetReport.Dataset;
import dev.ltx2.orchestrator.dataset.DatasetReport.Finding;
import dev.ltx2.orchestrator.dataset.DatasetReport.Item;
import dev.ltx2.orchestrator.dataset.DatasetReport.Kind;
import dev.ltx2.schema.ValidationContext;
import dev.ltx2.schema.model.DatasetConfig;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Looks at every clip and image a job will train on, as ai-toolkit will find and read them
 * ({@code toolkit/data_loader.py}, {@code dataloader_mixins.py:load_and_process_video}), and
 * forecasts how many video steps get real audio supervision.
 */
public final class DatasetInspector {
    /** {@code toolkit/data_loader.py} at the pin. */
    static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".avi", ".mov", ".webm", ".mkv", ".wmv", ".m4v", ".flv");
    static final List<String> IMAGE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");
    /** The audio VAE's rate; lower rates are upsampled and lack the top of the band. */
    static final int AUDIO_VAE_RATE = 16_000;
    /** Clip length mismatch beyond which the time stretch is worth a warning. */
    static final double STRETCH_TOLERANCE = 0.10;

    private final MediaProbe probe;
    private final ValidationContext context;

    public DatasetInspector(MediaProbe probe, ValidationContext context) {
        this.probe = probe;
        this.context = context;
    }

    /** The files one dataset will train on, and what went wrong finding them. */
    private record Listing(Path source, List<Path> files, Map<Path, String> jsonCaptions, List<Finding> findings) {}

    public List<DatasetReport.Process> inspect(JobConfig job) {
        Map<DatasetConfig, Listing> listings = new LinkedHashMap<>();
        job.processes().forEach(p -> p.datasets().forEach(d -> listings.put(d, list(d))));
        List<Path> all = listings.values().stream().flatMap(l -> l.files().stream()).distinct().toList();
        Map<Path, MediaInfo> media = probe.probe(all.stream().filter(Files::exists).toList());
        List<DatasetReport.Process> out = new ArrayList<>();
        for (int i = 0; i < job.processes().size(); i++) {
            ProcessConfig p = job.processes().get(i);
            List<Dataset> datasets = new ArrayList<>();
            for (int d = 0; d < p.datasets().size(); d++) {
                DatasetConfig config = p.datasets().get(d);
                datasets.add(dataset(d, config, listings.get(config), media));
            }
            out.add(new DatasetReport.Process(i, datasets, forecast(p.train(), datasets)));
        }
        return out;
    }

    private Listing list(DatasetConfig config) {
        Path source = context.resolve(config.folder());
        List<Finding> findings = new ArrayList<>();
        Map<Path, String> jsonCaptions = Map.of();
        List<Path> files;
        try {
            if (Files.isRegularFile(source) && source.toString().endsWith(".json")) {
                jsonCaptions = jsonCaptions(source);
                files = jsonCaptions.keySet().stream().sorted().toList();
            } else if (Files.isDirectory(source)) {
                files = list(source, config.isVideo());
            } else {
                findings.add(Finding.error("folder not found: " + source));
                files = List.of();
            }
        } catch (IOException e) {
            findings.add(Finding.error("cannot read " + source + ": " + e.getMessage()));
            files = List.of();
        }
        if (findings.isEmpty() && files.isEmpty()) {
            findings.add(Finding.error("no " + (config.isVideo() ? "clips or images" : "images") + " found (looked for "
                    + String.join(" ", config.isVideo() ? concat(VIDEO_EXTENSIONS, IMAGE_EXTENSIONS) : IMAGE_EXTENSIONS) + ")"));
        }
        return new Listing(source, files, jsonCaptions, findings);
    }

    private Dataset dataset(int index, DatasetConfig config, Listing listing, Map<Path, MediaInfo> media) {
        List<Finding> findings = new ArrayList<>(listing.findings());
        long weight = config.numRepeats() * config.resolutions().size();
        boolean audio = config.isVideo() && config.audioEnabled();
        List<Item> items = new ArrayList<>();
        for (Path f : listing.files()) {
            MediaInfo info = media.getOrDefault(f, MediaInfo.unreadable(Files.isSymbolicLink(f)
                    ? "a symbolic link that leads nowhere (a loop or a missing target)" : "file not found"));
            items.add(item(f, listing.source(), config, audio, listing.jsonCaptions(), info));
        }
        if (config.isVideo() && !items.isEmpty() && items.stream().noneMatch(i -> i.kind() == Kind.VIDEO)) {
            findings.add(Finding.warning("num_frames is " + config.numFrames() + " but the folder has only images: "
                    + "nothing trains motion or voice"));
        }
        return new Dataset(index, config.section().path(), listing.source(), config.isVideo(), audio, config.numFrames(),
                config.fps(), weight, items, findings);
    }

    /** os.walk order does not matter; hidden folders and files, and _controls folders, are skipped as upstream does. */
    private static List<Path> list(Path folder, boolean video) throws IOException {
        List<String> extensions = video ? concat(VIDEO_EXTENSIONS, IMAGE_EXTENSIONS) : IMAGE_EXTENSIONS;
        try (Stream<Path> walk = Files.walk(folder)) {
            // os.walk lists every non-directory entry, symbolic links that lead nowhere included
            return walk.filter(p -> !Files.isDirectory(p))
                    .filter(p -> !hiddenBelow(folder, p))
                    .filter(p -> extensions.stream().anyMatch(e -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(e)))
                    .filter(p -> p.getParent() == null || !p.getParent().getFileName().toString().equals("_controls"))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private static boolean hiddenBelow(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Map<Path, String> jsonCaptions(Path json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        Map<Path, String> out = new java.util.TreeMap<>();
        root.properties().forEach(e -> out.put(context.resolve(e.getKey()),
                e.getValue().path("caption").isTextual() ? e.getValue().path("caption").asText() : null));
        return out;
    }

    private Item item(Path file, Path root, DatasetConfig config, boolean audioOn, Map<Path, String> jsonCaptions,
                      MediaInfo media) {
        String name = Files.isDirectory(root) ? root.relativize(file).toString() : file.toString();
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Kind kind = VIDEO_EXTENSIONS.stream().anyMatch(lower::endsWith) ? Kind.VIDEO : Kind.IMAGE;
        List<Finding> findings = new ArrayList<>();
        Caption caption = caption(file, config, jsonCaptions, findings);
        List<Buckets.Size> buckets = new ArrayList<>();
        boolean audioExpected = kind == Kind.VIDEO && audioOn;
        boolean withAudio = false;
        if (!media.readable()) {
            findings.add(Finding.error(isEmpty(file) ? "is an empty file (0 bytes)" : "cannot be read: " + media.readError()));
        } else {
            if (media.decodeError() != null) {
                findings.add(Finding.error("does not decode: " + media.decodeError()
                        + (media.decodeError().startsWith("audio") ? " (ai-toolkit raises when a clip's audio fails to load)"
                        : "")));
            }
            MediaInfo.Video v = media.video();
            if (v == null || v.width() <= 0 || v.height() <= 0) {
                findings.add(Finding.error("has no picture stream"));
            } else {
                for (long resolution : config.resolutions()) {
                    buckets.add(Buckets.bucket(v.width(), v.height(), resolution, DatasetConfig.BUCKET_DIVISIBILITY));
                }
                if ((long) v.width() * v.height() < 32L * 32L) {
                    findings.add(Finding.error(v.width() + "x" + v.height() + " is smaller than one 32x32 latent patch"));
                }
                if (kind == Kind.VIDEO) {
                    timing(v, media, config, findings);
                }
            }
            if (kind == Kind.VIDEO) {
                withAudio = audio(media, audioExpected, config, findings);
            }
        }
        return new Item(file, name, kind, media, caption, List.copyOf(buckets), audioExpected, withAudio && audioExpected,
                List.copyOf(findings));
    }

    private static boolean isEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Caption caption(Path file, DatasetConfig config, Map<Path, String> jsonCaptions, List<Finding> findings) {
        String defaultCaption = config.section().get(DatasetConfig.DEFAULT_CAPTION);
        if (jsonCaptions.get(file) != null) {
            return Caption.JSON;
        }
        String name = file.toString();
        int dot = name.lastIndexOf('.');
        Path captionFile = Path.of((dot > name.lastIndexOf('/') ? name.substring(0, dot) : name) + config.captionExtension());
        try {
            if (Files.isRegularFile(captionFile)
                    && !Files.readString(captionFile, StandardCharsets.UTF_8).isBlank()) {
                return Caption.FILE;
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            // ai-toolkit opens captions as UTF-8 and stops the run at the first clip it cannot decode
            findings.add(Finding.error("caption " + captionFile.getFileName() + " is not UTF-8 text (fix: convert it, "
                    + "e.g. iconv -f latin1 -t utf-8 '" + captionFile.getFileName() + "' > tmp && mv tmp '"
                    + captionFile.getFileName() + "')"));
            return Caption.EMPTY;
        } catch (IOException e) {
            findings.add(Finding.error("caption " + captionFile.getFileName() + " cannot be read: " + e.getMessage()));
            return Caption.EMPTY;
        }
        if (defaultCaption != null) {
            return Caption.DEFAULT_CAPTION;
        }
        findings.add(Finding.warning("no caption (" + captionFile.getFileName() + " is missing or empty, no default_caption): "
                + "trains with an empty prompt"));
        return Caption.EMPTY;
    }

    /** With shrink_video_to_frames (the default) the whole clip is squeezed into num_frames/fps, audio included. */
    private static void timing(MediaInfo.Video v, MediaInfo media, DatasetConfig config, List<Finding> findings) {
        double clip = v.duration() > 0 ? v.duration() : media.duration();
        boolean auto = config.section().get(DatasetConfig.AUTO_FRAME_COUNT);
        boolean shrink = config.section().get(DatasetConfig.SHRINK_VIDEO_TO_FRAMES);
        double target = config.numFrames() / config.fps();
        if (!auto && v.frames() > 0 && v.frames() < config.numFrames()) {
            findings.add(Finding.warning("has " + v.frames() + (v.frames() == 1 ? " frame" : " frames") + ", fewer than num_frames " + config.numFrames()
                    + ": frames are repeated"));
        }
        if (auto || clip <= 0) {
            return;
        }
        double factor = clip / target;
        boolean stretched = shrink || clip < target;
        if (stretched && Math.abs(factor - 1) > STRETCH_TOLERANCE) {
            boolean audio = config.audioEnabled() && media.firstAudio().isPresent();
            boolean pitch = audio && !config.section().get(DatasetConfig.AUDIO_PRESERVE_PITCH);
            findings.add(Finding.warning(String.format(Locale.ROOT, "is %.2f s but trains as %d frames at %s fps = %.2f s: "
                    + "motion%s %s ×%.2f%s", clip, config.numFrames(), fmt(config.fps()), target,
                    audio ? " and audio are" : " is", factor > 1 ? "sped up" : "slowed down", factor > 1 ? factor : 1 / factor,
                    pitch ? " (the voice's pitch shifts; set audio_preserve_pitch: true or trim the clip)" : "")));
        }
        if (!shrink && v.fps() > 0 && Math.abs(v.fps() - config.fps()) > 0.5) {
            findings.add(Finding.warning(String.format(Locale.ROOT, "is %s fps but its frames are read as %s fps "
                    + "(shrink_video_to_frames: false): motion speed changes", fmt(Math.round(v.fps() * 1000) / 1000.0),
                    fmt(config.fps()))));
        }
    }

    private static boolean audio(MediaInfo media, boolean expected, DatasetConfig config, List<Finding> findings) {
        var a = media.firstAudio();
        if (a.isEmpty()) {
            if (expected) {
                findings.add(Finding.warning("has no audio track: its steps train without audio supervision"));
            }
            return false;
        }
        MediaInfo.Audio audio = a.get();
        if (!expected) {
            return false;
        }
        if (media.decodable() && media.audioLoadedSamples() == 0) {
            findings.add(Finding.warning("its audio track is empty: trains without audio supervision"));
            return false;
        }
        if (audio.channels() > 2) {
            findings.add(Finding.warning(audio.channels() + " audio channels: mixed down to stereo"
                    + (audio.channels() == 6 || audio.channels() == 8 ? " (centre and surrounds folded in, LFE dropped)"
                    : " (the channels' mean)")));
        }
        if (audio.sampleRate() > 0 && audio.sampleRate() < AUDIO_VAE_RATE) {
            findings.add(Finding.warning("audio is " + audio.sampleRate() + " Hz, below the audio VAE's 16 kHz: "
                    + "upsampled, with no content above " + audio.sampleRate() / 2 + " Hz"));
        }
        return media.decodable();
    }

    private static AudioForecast forecast(TrainConfig train, List<Dataset> datasets) {
        long eligible = 0;
        long supervised = 0;
        List<String> without = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (Dataset d : datasets) {
            for (Item i : d.items()) {
                if (i.kind() != Kind.VIDEO || i.unusable()) {
                    continue; // train leaves unusable items out, so they neither help nor hurt the share
                }
                if (!d.audio()) {
                    off.add(d.keyPath() + ": " + i.name());
                    continue;
                }
                eligible += d.weight();
                if (i.trainsWithAudio()) {
                    supervised += d.weight();
                } else {
                    without.add(d.keyPath() + ": " + i.name());
                }
            }
        }
        Double share = eligible == 0 ? null : (double) supervised / eligible;
        boolean strict = train.strictAudioChecks(); // a warmup as long as training never checks
        double min = train.strictAudioMinSupervisedRatio();
        Finding verdict = null;
        if (share == null) {
            verdict = strict ? Finding.error("strict_audio_mode is on but no video clip loads audio: training will stop "
                    + "after warmup") : Finding.warning("no video clip loads audio: the voice is not trained");
        } else if (share < min) {
            String text = String.format(Locale.ROOT, "%.0f%% of video steps will have real audio, below "
                    + "strict_audio_min_supervised_ratio %.0f%%", share * 100, min * 100);
            verdict = strict ? Finding.error(text + ": strict_audio_mode will stop training after warmup")
                    : Finding.warning(text + (train.strictAudioMode()
                    ? " (strict_audio_mode never checks: its warmup is not shorter than training)"
                    : " (strict_audio_mode is off, so training continues)"));
        }
        return new AudioForecast(eligible, supervised, share, List.copyOf(without), List.copyOf(off), strict, min, verdict);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
