package dev.ltx2.orchestrator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.dataset.DatasetReport.Caption;
import dev.ltx2.orchestrator.dataset.DatasetReport.Item;
import dev.ltx2.orchestrator.dataset.DatasetReport.Kind;
import dev.ltx2.orchestrator.dataset.DatasetReport.Severity;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import dev.ltx2.schema.ConfigValidator;
import dev.ltx2.schema.ValidationContext;
import dev.ltx2.schema.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInspectorTest {
    @TempDir static Path dir;
    static Path clips;
    /** What a dataset scraped from the web holds (issue 19): bad files beside one good clip. */
    static Path hostile;
    /** Every fixture is probed once (one torch import), then served to each inspection. */
    static final Map<Path, MediaInfo> PROBED = new java.util.HashMap<>();

    @BeforeAll
    static void makeClips() throws Exception {
        PythonEnv env = MediaFixtures.assumeVenv();
        MediaFixtures.assumeFfmpeg();
        clips = Files.createDirectories(dir.resolve("clips"));
        MediaFixtures.clip(clips.resolve("talk.mp4"), 0.75, 24, 44100, 2);
        Files.writeString(clips.resolve("talk.txt"), "ohwx woman talking");
        MediaFixtures.clip(clips.resolve("silent.mp4"), 0.75, 24, 0, 0);
        Files.writeString(clips.resolve("silent.txt"), "ohwx woman silent");
        MediaFixtures.clip(clips.resolve("phone.mp4"), 0.75, 24, 8000, 1);
        MediaFixtures.clip(clips.resolve("long.mp4"), 2.0, 24, 16000, 2);
        Files.writeString(clips.resolve("long.txt"), "ohwx woman speaking at length");
        byte[] good = Files.readAllBytes(clips.resolve("talk.mp4"));
        Files.write(clips.resolve("broken.mp4"), java.util.Arrays.copyOf(good, good.length / 3));
        MediaFixtures.image(clips.resolve("portrait.png"));
        Files.writeString(clips.resolve("portrait.txt"), "ohwx woman portrait");
        Files.createDirectories(clips.resolve(".thumbs"));
        Files.copy(clips.resolve("talk.mp4"), clips.resolve(".thumbs/hidden.mp4"));
        Files.copy(clips.resolve("talk.mp4"), clips.resolve(".hidden.mp4"));
        Files.createDirectories(dir.resolve("model"));
        hostile = Files.createDirectories(dir.resolve("hostile"));
        Files.copy(clips.resolve("talk.mp4"), hostile.resolve("good.mp4"));
        Files.writeString(hostile.resolve("good.txt"), "ohwx woman talking");
        Files.copy(clips.resolve("talk.mp4"), hostile.resolve("latin.mp4"));
        Files.write(hostile.resolve("latin.txt"), "ohwx caf\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        MediaFixtures.clip(hostile.resolve("surround.mp4"), 0.75, 24, 44100, 6);
        Files.writeString(hostile.resolve("surround.txt"), "ohwx woman in 5.1");
        Files.write(hostile.resolve("empty.mp4"), new byte[0]);
        MediaFixtures.audioOnly(hostile.resolve("podcast.mp4"), 1.0);
        MediaFixtures.variableFrameRate(hostile.resolve("screen.mp4"), 2.0);
        MediaFixtures.clip(hostile.resolve("short.mp4"), 0.25, 24, 44100, 2);
        Files.createSymbolicLink(hostile.resolve("loop_a.mp4"), Path.of("loop_b.mp4"));
        Files.createSymbolicLink(hostile.resolve("loop_b.mp4"), Path.of("loop_a.mp4"));
        try (var files = Files.list(clips); var more = Files.list(hostile)) {
            PROBED.putAll(new PyAvProbe(env, 2).probe(java.util.stream.Stream.concat(files, more)
                    .filter(Files::isRegularFile).sorted().toList()));
        }
    }

    static List<DatasetReport.Process> inspect(String train, String dataset) throws Exception {
        return inspect("clips", train, dataset);
    }

    static List<DatasetReport.Process> inspect(String folder, String train, String dataset) throws Exception {
        Path config = dir.resolve("job.yaml");
        Files.writeString(config, "job: extension\nconfig:\n  name: t\n  process:\n    - type: sd_trainer\n"
                + "      training_folder: ${DATA}/out\n      model: {arch: ltx2, name_or_path: ${DATA}/model}\n"
                + "      network: {type: lora, linear: 8, linear_alpha: 8}\n"
                + "      train: {noise_scheduler: flowmatch, disable_sampling: true" + train + "}\n"
                + "      datasets:\n        - {folder_path: ${DATA}/" + folder + dataset + "}\n");
        ValidationContext ctx = new ValidationContext(Map.of("DATA", dir.toString()), dir, List.of());
        ValidationReport report = ConfigValidator.validate(config, ctx);
        assertThat(report.errors()).isEmpty();
        MediaProbe cached = files -> {
            Map<Path, MediaInfo> out = new java.util.HashMap<>();
            files.stream().filter(PROBED::containsKey).forEach(f -> out.put(f, PROBED.get(f)));
            return out;
        };
        return new DatasetInspector(cached, ctx).inspect(report.job().orElseThrow());
    }

    static Item item(DatasetReport.Process p, String name) {
        return p.datasets().get(0).items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    static boolean says(Item i, Severity severity, String text) {
        return i.findings().stream().anyMatch(f -> f.severity() == severity && f.message().contains(text));
    }

    @Test
    void findsTheClipsAndImagesAiToolkitWouldRead() throws Exception {
        var p = inspect("", ", num_frames: 17").get(0);
        var d = p.datasets().get(0);
        assertThat(d.items()).extracting(Item::name)
                .containsExactly("broken.mp4", "long.mp4", "phone.mp4", "portrait.png", "silent.mp4", "talk.mp4");
        assertThat(d.clips()).isEqualTo(5);
        assertThat(d.images()).isEqualTo(1);
        assertThat(item(p, "portrait.png").kind()).isEqualTo(Kind.IMAGE);
    }

    @Test
    void reportsAudioTrackRateChannelsAndDecodability() throws Exception {
        var p = inspect("", ", num_frames: 17").get(0);
        Item talk = item(p, "talk.mp4");
        assertThat(talk.media().decodable()).isTrue();
        assertThat(talk.media().firstAudio().orElseThrow().sampleRate()).isEqualTo(44100);
        assertThat(talk.media().firstAudio().orElseThrow().channels()).isEqualTo(2);
        assertThat(talk.trainsWithAudio()).isTrue();
        assertThat(talk.findings()).isEmpty();
        assertThat(talk.buckets()).containsExactly(new Buckets.Size(64, 64));
        assertThat(talk.caption()).isEqualTo(Caption.FILE);

        Item silent = item(p, "silent.mp4");
        assertThat(silent.trainsWithAudio()).isFalse();
        assertThat(says(silent, Severity.WARNING, "no audio track")).isTrue();

        Item phone = item(p, "phone.mp4");
        assertThat(phone.media().firstAudio().orElseThrow().channels()).isEqualTo(1);
        assertThat(says(phone, Severity.WARNING, "8000 Hz, below the audio VAE's 16 kHz")).isTrue();
        assertThat(says(phone, Severity.WARNING, "no caption")).isTrue();

        Item broken = item(p, "broken.mp4");
        assertThat(broken.findings()).anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(broken.trainsWithAudio()).isFalse();
        assertThat(p.hasErrors()).isTrue();
    }

    @Test
    void comparesEachClipsDurationWithNumFramesOverFps() throws Exception {
        var p = inspect("", ", num_frames: 17, fps: 24").get(0);
        // 17 frames at 24 fps = 0.71 s: the 2 s clip is squeezed 2.82×, the 0.75 s clips fit
        assertThat(says(item(p, "long.mp4"), Severity.WARNING, "motion and audio are sped up ×2.8")).isTrue();
        assertThat(says(item(p, "long.mp4"), Severity.WARNING, "pitch")).isTrue();
        assertThat(item(p, "talk.mp4").findings()).isEmpty();
        var preserved = inspect("", ", num_frames: 17, fps: 24, audio_preserve_pitch: true").get(0);
        assertThat(says(item(preserved, "long.mp4"), Severity.WARNING, "pitch")).isFalse();
    }

    @Test
    void forecastsTheShareOfVideoStepsWithRealAudio() throws Exception {
        var audio = inspect("", ", num_frames: 17, num_repeats: 2").get(0).audio();
        // talk, phone and long have decodable audio; silent has none; broken does not decode, so
        // train leaves it out and it counts neither way
        assertThat(audio.eligible()).isEqualTo(8);
        assertThat(audio.supervised()).isEqualTo(6);
        assertThat(audio.share()).isEqualTo(0.75);
        assertThat(audio.withoutAudio()).containsExactly("config.process[0].datasets[0]: silent.mp4");
        assertThat(audio.verdict().severity()).isEqualTo(Severity.WARNING);

        var strict = inspect(", strict_audio_mode: true, strict_audio_min_supervised_ratio: 0.5", ", num_frames: 17")
                .get(0).audio();
        assertThat(strict.verdict()).isNull();
        var halts = inspect(", strict_audio_mode: true", ", num_frames: 17").get(0).audio();
        assertThat(halts.verdict().severity()).isEqualTo(Severity.ERROR);
        assertThat(halts.verdict().message()).contains("strict_audio_mode will stop training");
        // a warmup as long as training: strict mode never gets to check, so nothing will stop
        var neverChecks = inspect(", strict_audio_mode: true, strict_audio_warmup_steps: 50, steps: 4", ", num_frames: 17")
                .get(0).audio();
        assertThat(neverChecks.verdict().severity()).isEqualTo(Severity.WARNING);
        assertThat(neverChecks.verdict().message()).contains("strict_audio_mode never checks");
    }

    @Test
    void clipsInADatasetWithAudioOffAreListedButNotCounted() throws Exception {
        var audio = inspect("", ", num_frames: 17, do_audio: false").get(0).audio();
        assertThat(audio.share()).isNull();
        assertThat(audio.audioOff()).hasSize(4); // the five clips but broken.mp4, which train leaves out
        assertThat(audio.verdict().message()).contains("the voice is not trained");
    }

    @Test
    void namesEveryItemTheTrainerCouldNotReadAsUnusable() throws Exception {
        var p = inspect("hostile", "", ", num_frames: 17").get(0);
        var d = p.datasets().get(0);
        // ai-toolkit's os.walk lists symbolic links too, so the check must see them
        assertThat(d.items()).extracting(Item::name)
                .containsExactly("empty.mp4", "good.mp4", "latin.mp4", "loop_a.mp4", "loop_b.mp4", "podcast.mp4",
                        "screen.mp4", "short.mp4", "surround.mp4");
        assertThat(d.unusable()).extracting(Item::name).containsExactly("empty.mp4", "latin.mp4", "loop_a.mp4",
                "loop_b.mp4", "podcast.mp4");
        assertThat(says(item(p, "podcast.mp4"), Severity.ERROR, "has no picture stream")).isTrue();
        // 0.25 s at 24 fps: 6 frames for num_frames 17, stretched and repeated, with the factor named
        assertThat(says(item(p, "short.mp4"), Severity.WARNING, "has 6 frames, fewer than num_frames 17")).isTrue();
        assertThat(says(item(p, "short.mp4"), Severity.WARNING, "slowed down ×2.83")).isTrue();
        // the variable-rate clip plays 2.4 s where its 40 frames at 24 fps would be 1.7 s: named with the factor
        assertThat(says(item(p, "screen.mp4"), Severity.WARNING, "sped up")).isTrue();
        assertThat(says(item(p, "empty.mp4"), Severity.ERROR, "is an empty file (0 bytes)")).isTrue();
        assertThat(says(item(p, "latin.mp4"), Severity.ERROR, "caption latin.txt is not UTF-8 text")).isTrue();
        assertThat(says(item(p, "loop_a.mp4"), Severity.ERROR, "a symbolic link that leads nowhere")).isTrue();
        assertThat(says(item(p, "surround.mp4"), Severity.WARNING, "6 audio channels: mixed down to stereo")).isTrue();
        assertThat(item(p, "surround.mp4").unusable()).isFalse();
        assertThat(item(p, "good.mp4").findings()).isEmpty();
        // the forecast counts what will train: good, screen, short and surround, all with audio
        assertThat(p.audio().eligible()).isEqualTo(4);
        assertThat(p.audio().share()).isEqualTo(1.0);
    }

    /**
     * A folder of 5,000 files scraped in bulk: one good clip and its caption among 4,998 files
     * that hold nothing. Every file goes through the real probe (no cache), each empty one is
     * named unusable and the good clip is untouched; the run ends, whatever the count.
     */
    @Test
    void aFolderOfFiveThousandFilesIsProbedAndEveryEmptyOneNamed() throws Exception {
        Path bulk = Files.createDirectories(dir.resolve("bulk"));
        Files.copy(clips.resolve("talk.mp4"), bulk.resolve("good.mp4"));
        Files.writeString(bulk.resolve("good.txt"), "ohwx woman talking");
        for (int i = 0; i < 4_998; i++) {
            Files.write(bulk.resolve(String.format("scraped_%04d.mp4", i)), new byte[0]);
        }
        try (var files = Files.list(bulk)) {
            assertThat(files.count()).isEqualTo(5_000);
        }
        Path config = dir.resolve("bulk.yaml");
        Files.writeString(config, "job: extension\nconfig:\n  name: t\n  process:\n    - type: sd_trainer\n"
                + "      training_folder: ${DATA}/out\n      model: {arch: ltx2, name_or_path: ${DATA}/model}\n"
                + "      network: {type: lora, linear: 8, linear_alpha: 8}\n"
                + "      train: {noise_scheduler: flowmatch, disable_sampling: true}\n"
                + "      datasets:\n        - {folder_path: ${DATA}/bulk, num_frames: 17}\n");
        ValidationContext ctx = new ValidationContext(Map.of("DATA", dir.toString()), dir, List.of());
        ValidationReport report = ConfigValidator.validate(config, ctx);
        assertThat(report.errors()).isEmpty();
        long started = System.nanoTime();
        var d = new DatasetInspector(new PyAvProbe(MediaFixtures.assumeVenv(), 2), ctx)
                .inspect(report.job().orElseThrow()).get(0).datasets().get(0);
        System.out.printf("5,000 files inspected in %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertThat(d.items()).hasSize(4_999);
        assertThat(d.unusable()).hasSize(4_998).allSatisfy(i -> assertThat(i.name()).startsWith("scraped_"))
                .allSatisfy(i -> assertThat(i.findings()).anySatisfy(
                        f -> assertThat(f.message()).contains("is an empty file (0 bytes)")));
        assertThat(d.items()).filteredOn(i -> i.name().equals("good.mp4")).singleElement()
                .satisfies(i -> assertThat(i.findings()).isEmpty());
    }
}
