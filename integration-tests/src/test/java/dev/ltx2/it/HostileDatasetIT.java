package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Layout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dataset as scraped from the web (issue 19): `train` names every unusable file with the reason,
 * leaves it out, trains on the rest to the end and keeps the voice report working; the same folder
 * with the check turned off stops the trainer, which shows that the check is what saves the run.
 */
class HostileDatasetIT {
    static final String JOB = "hostile";

    @BeforeEach
    void needsUpstream() {
        UpstreamAvailable.assume();
    }

    @Test
    void trainNamesEachUnusableFileLeavesItOutAndTrainsTheRest(@TempDir Path work) throws Exception {
        Path data = hostileFolder(work);
        String config = Launcher.demoConfig(6, 1000).replace("${LTX2_DEMO_DIR}/dataset", data.toString())
                .replace("name: demo_character", "name: " + JOB);
        Path job = Files.writeString(work.resolve("job.yaml"), config);

        Path log = work.resolve("train.log");
        Process p = Launcher.start(work, log, "train", job.toString());
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("5 of 9 items left out (not trained on)")
                .contains("skipped empty.mp4: is an empty file (0 bytes)")
                // a third of an mp4 lacks its index (moov) or its picture, depending on the muxer
                .containsPattern("skipped truncated\\.mp4: (cannot be read|has no picture stream)")
                .contains("skipped latin1.mp4: caption latin1.txt is not UTF-8 text")
                .contains("skipped loop_a.mp4: cannot be read: a symbolic link that leads nowhere")
                .contains("skipped loop_b.mp4: cannot be read: a symbolic link that leads nowhere")
                .containsPattern("  surround\\.mp4: .*6 audio channels: mixed down to stereo")
                .contains("finished at step 6");
        assertThat(work.resolve("output").resolve(JOB).resolve(JOB + ".safetensors")).isRegularFile();
        // the voice report measured on a usable clip, never on one that was left out
        assertThat(out).containsPattern("voice report: set aside from training \\(held out\\): talk_0[12]\\.mp4");

        Path unchecked = work.resolve("unchecked.log");
        Files.writeString(job, config.replace("name: " + JOB, "name: unchecked"));
        Process q = Launcher.start(work, unchecked, "train", "--no-dataset-check", job.toString());
        assertThat(q.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(q.exitValue()).as(Files.readString(unchecked)).isNotZero();
        assertThat(Files.readString(unchecked)).contains("error: training failed").doesNotContain("finished at step");
    }

    /** Two good clips from the demo and the defects of issue 19 that stop ai-toolkit. */
    static Path hostileFolder(Path work) throws Exception {
        Path demo = Layout.resolve(null).demoDir().resolve("dataset");
        if (!Files.isDirectory(demo)) { // the demo assets exist once any demo job ran; provision them if not
            Process p = Launcher.start(work, work.resolve("provision.log"), "train",
                    Files.writeString(work.resolve("tiny.yaml"), Launcher.demoConfig(1, 1000)).toString());
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        }
        Path data = Files.createDirectories(work.resolve("scraped"));
        for (String name : List.of("talk_01", "talk_02")) {
            Files.copy(demo.resolve(name + ".mp4"), data.resolve(name + ".mp4"));
            Files.copy(demo.resolve(name + ".txt"), data.resolve(name + ".txt"));
        }
        byte[] clip = Files.readAllBytes(demo.resolve("talk_03.mp4"));
        Files.write(data.resolve("empty.mp4"), new byte[0]);
        Files.write(data.resolve("truncated.mp4"), Arrays.copyOf(clip, clip.length / 3));
        Files.write(data.resolve("latin1.mp4"), clip);
        Files.write(data.resolve("latin1.txt"), "ohwx caf\u00e9 r\u00e9sum\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.createSymbolicLink(data.resolve("loop_a.mp4"), Path.of("loop_b.mp4"));
        Files.createSymbolicLink(data.resolve("loop_b.mp4"), Path.of("loop_a.mp4"));
        ffmpeg(data.resolve("surround.mp4"), "-f", "lavfi", "-i", "testsrc=s=64x64:r=24:d=2", "-f", "lavfi", "-i",
                "sine=f=220:d=2", "-ac", "6", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
        Files.writeString(data.resolve("surround.txt"), "ohwx character in a cinema mix");
        ffmpeg(data.resolve("oneframe.mp4"), "-f", "lavfi", "-i", "testsrc=s=64x64:r=24:d=1", "-frames:v", "1",
                "-c:v", "libx264", "-pix_fmt", "yuv420p");
        Files.writeString(data.resolve("oneframe.txt"), "ohwx character, one frame");
        return data;
    }

    private static void ffmpeg(Path out, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-loglevel", "error", "-y"));
        cmd.addAll(List.of(args));
        cmd.add(out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
    }
}
