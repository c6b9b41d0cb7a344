package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.ltx2.orchestrator.dataset.MediaFixtures;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCheckCommandTest {
    @TempDir Path dir;

    /** The cache holding the trainer's venv; the commands only read it. */
    final String cache = MediaFixtures.assumeVenv().venvDir().getParent().toString();

    Path config(String train) throws Exception {
        MediaFixtures.assumeFfmpeg();
        Path clips = Files.createDirectories(dir.resolve("clips"));
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=24:duration=0.75",
                "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=16000:duration=0.75", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", clips.resolve("a.mp4").toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(clips.resolve("a.txt"), "a woman talking");
        Files.copy(clips.resolve("a.mp4"), clips.resolve("b.mp4"));
        Files.createDirectories(dir.resolve("model"));
        Path config = dir.resolve("job.yaml");
        Files.writeString(config, "job: extension\nconfig:\n  name: t\n  process:\n    - type: sd_trainer\n"
                + "      training_folder: " + dir + "/out\n      model: {arch: ltx2, name_or_path: " + dir + "/model}\n"
                + "      network: {type: lora, linear: 8, linear_alpha: 8}\n"
                + "      train: {noise_scheduler: flowmatch, disable_sampling: true" + train + "}\n"
                + "      datasets:\n        - {folder_path: " + clips + ", num_frames: 17}\n");
        return config;
    }

    @Test
    void reportsEachClipAndTheAudioForecast() throws Exception {
        var r = CommandsTest.run("dataset", "check", config("").toString(), "--cache-dir", cache);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("a.mp4  64x64").contains("audio aac 16000 Hz 1ch")
                .contains("b.mp4").contains("warning: no caption")
                .contains("predicted share of video steps with real audio: 100% (2 of 2");
    }

    @Test
    void jsonReportAndExitOneWhenStrictModeWouldStop() throws Exception {
        Path config = config(", strict_audio_mode: true, strict_audio_min_supervised_ratio: 1.0");
        // a clip without a sound track (an unreadable file would be left out, counting neither way)
        Process strip = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", dir.resolve("clips/a.mp4").toString(), "-an",
                "-c:v", "copy", dir.resolve("clips/silent.mp4").toString()).redirectErrorStream(true).start();
        strip.getInputStream().readAllBytes();
        assertThat(strip.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var r = CommandsTest.run("dataset", "check", config.toString(), "--json", "--cache-dir", cache);
        assertThat(r.code()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("ok").asBoolean()).isFalse();
        JsonNode audio = json.at("/processes/0/audio");
        assertThat(audio.get("predictedSupervisedShare").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(audio.get("clipsWithoutAudio")).extracting(JsonNode::asText)
                .containsExactly("config.process[0].datasets[0]: silent.mp4");
        assertThat(audio.at("/verdict/severity").asText()).isEqualTo("error");
    }

    @Test
    void anInvalidConfigStopsBeforeProbing() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "job: extension\n");
        var r = CommandsTest.run("dataset", "check", config.toString(), "--cache-dir", cache);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("missing required key 'config'");
    }

    @Test
    void aMissingPythonEnvironmentIsAnEnvironmentError() throws Exception {
        var r = CommandsTest.run("dataset", "check", config("").toString(), "--cache-dir", dir.resolve("empty-cache").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no Python environment").contains("orchestrator env create");
    }
}
