package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The main job end to end: the demo config trains the real patched ai-toolkit on the tiny
 * LTX-2, in-process through Jep and through the subprocess fallback, stops cleanly on SIGINT
 * and SIGTERM with a loadable checkpoint, and resumes from it.
 */
class DemoTrainingIT {
    static final String JOB = "demo_character";

    /** Per test (not per class) so each test is reported as skipped with the reason. */
    @BeforeEach
    void needsUpstream() {
        UpstreamAvailable.assume();
    }

    @ParameterizedTest(name = "runner {0}")
    @ValueSource(strings = {"jep", "subprocess"})
    void demoTrainsALoraWithVideoAudioAndCrossModalKeys(String runner, @TempDir Path work) throws Exception {
        Path config = write(work, Launcher.demoConfig(6, 3));
        Path log = work.resolve("orchestrator.log");
        Process p = Launcher.start(work, log, "train", "--runner", runner, config.toString());
        AtomicBoolean pythonChildSeen = watchForPythonChildren(p);
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();

        Path out = work.resolve("output").resolve(JOB);
        List<String> keys = Safetensors.tensorNames(out.resolve(JOB + ".safetensors"));
        assertThat(keys).allMatch(k -> k.startsWith("diffusion_model.transformer_blocks."));
        for (String module : List.of(".attn1.", ".attn2.", ".audio_attn1.", ".audio_attn2.", ".audio_to_video_attn.",
                ".video_to_audio_attn.")) {
            assertThat(keys).as(module).anyMatch(k -> k.contains(module));
        }
        // The hashes describe the real weights: no legacy hash of nothing (e3b0c442, the file is under 1 MiB).
        Path lora = out.resolve(JOB + ".safetensors");
        assertThat(Files.size(lora)).isLessThan(0x100000);
        assertThat(Safetensors.metadata(lora)).doesNotContainKey("sshs_legacy_hash")
                .containsEntry("sshs_model_hash", Safetensors.dataSha256(lora));
        // bitsandbytes' note about its optional `kernels` package is filtered (docs/decisions.md)
        assertThat(Files.readString(out.resolve("trainer.log"))).doesNotContain("gemm_4bit_forward");
        List<String> rows = Files.readAllLines(out.resolve("loss_log.csv"));
        assertThat(rows).hasSize(1 + 6);
        assertThat(rows.subList(1, rows.size())).anyMatch(r -> !r.split(",", -1)[2].isEmpty());
        // the voice report (final checkpoint) and the sample with sound (docs/voice-report.md)
        assertThat(Files.readString(log)).contains("voice report: set aside from training (held out): talk_02.mp4")
                .containsPattern("voice: learned [−+±]\\d+% · base drift \\d+\\.\\d%");
        assertThat(Files.readAllLines(out.resolve("voice_report.csv"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Files.size(out.resolve("voice_report.png"))).isPositive();
        try (var samples = Files.list(out.resolve("samples"))) {
            Path sample = samples.filter(f -> f.toString().endsWith(".mp4")).findFirst().orElseThrow();
            Process probe = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0",
                    sample.toString()).redirectErrorStream(true).start();
            assertThat(new String(probe.getInputStream().readAllBytes()).lines()).contains("video", "audio");
        }
        Process report = Launcher.start(work, work.resolve("report.log"), "report", out.toString());
        assertThat(report.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(report.exitValue()).as(Files.readString(work.resolve("report.log"))).isZero();
        assertThat(Files.readString(out.resolve("report.html"))).contains("voice: learned", "data:video/mp4;base64,");
        if (runner.equals("jep")) {
            assertThat(pythonChildSeen).as("no separate Python process trains in-process").isFalse();
        } else {
            assertThat(pythonChildSeen).as("the subprocess runner trains in a child").isTrue();
        }
    }

    @Test
    void sigintSavesALoadableCheckpointExits130AndTrainResumes(@TempDir Path work) throws Exception {
        Path config = write(work, Launcher.demoConfig(400, 1000));
        Path lossLog = work.resolve("output").resolve(JOB).resolve("loss_log.csv");
        int stoppedAt = stopWithCheckpoint(work, config, "INT", 130);
        List<String> rows = Files.readAllLines(lossLog);

        // Resume with fewer total steps so the test stays short; the step count continues.
        Files.writeString(config, Launcher.demoConfig(stoppedAt + 2, 1000));
        Process resumed = Launcher.start(work, work.resolve("resume.log"), "train", config.toString());
        assertThat(resumed.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(work.resolve("resume.log"))).isZero();
        List<String> after = Files.readAllLines(lossLog);
        assertThat(after.subList(rows.size(), after.size())).extracting(r -> Integer.parseInt(r.split(",")[0]))
                .containsExactly(stoppedAt + 1, stoppedAt + 2);
        assertThat(Files.readString(work.resolve("resume.log"))).contains("step " + stoppedAt + " of " + (stoppedAt + 2));
    }

    /**
     * {@code --gpus 2} on the CPU: two gloo ranks through torchrun. SIGINT stops both at the same
     * step end with one checkpoint (rank 0's) and exit 130; the same command resumes the count.
     */
    @Test
    void twoRanksStopOnSigintWithOneCheckpointAndResume(@TempDir Path work) throws Exception {
        Path config = write(work, Launcher.demoConfig(400, 1000));
        Path out = work.resolve("output").resolve(JOB);
        int stoppedAt = stopWithCheckpoint(work, config, "INT", 130, "--gpus", "2");
        try (var files = Files.list(out)) {
            assertThat(files.filter(f -> f.toString().endsWith(".safetensors"))).hasSize(1);
        }
        assertThat(Files.readString(work.resolve("orchestrator.log"))).contains("2 ranks through torchrun");
        assertThat(out.resolve("trainer.log.rank1")).exists();

        List<String> rows = Files.readAllLines(out.resolve("loss_log.csv"));
        Files.writeString(config, Launcher.demoConfig(stoppedAt + 2, 1000));
        Process resumed = Launcher.start(work, work.resolve("resume.log"), "train", "--gpus", "2", config.toString());
        assertThat(resumed.waitFor(15, TimeUnit.MINUTES)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(work.resolve("resume.log"))).isZero();
        List<String> after = Files.readAllLines(out.resolve("loss_log.csv"));
        assertThat(after.subList(rows.size(), after.size())).extracting(r -> Integer.parseInt(r.split(",")[0]))
                .containsExactly(stoppedAt + 1, stoppedAt + 2);
    }

    /** What a service manager or {@code docker stop} sends; resuming is the same as after SIGINT. */
    @Test
    void sigtermSavesALoadableCheckpointAndExits143(@TempDir Path work) throws Exception {
        stopWithCheckpoint(work, write(work, Launcher.demoConfig(400, 1000)), "TERM", 143);
    }

    /**
     * Trains {@code config} until three steps are logged, sends {@code signal} to the launcher
     * and checks that it exits with {@code exitCode} within 60 s, leaving a loadable checkpoint
     * of the last logged step; returns that step.
     */
    private static int stopWithCheckpoint(Path work, Path config, String signal, int exitCode, String... options)
            throws Exception {
        Path log = work.resolve("orchestrator.log");
        Path lossLog = work.resolve("output").resolve(JOB).resolve("loss_log.csv");
        List<String> args = new java.util.ArrayList<>(List.of("train"));
        args.addAll(List.of(options));
        args.add(config.toString());
        Process p = Launcher.start(work, log, args.toArray(String[]::new));
        waitForRows(p, lossLog, 3, Duration.ofMinutes(10));

        Instant signalled = Instant.now();
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(exitCode);
        assertThat(Duration.between(signalled, Instant.now())).isLessThan(Duration.ofSeconds(60));

        List<String> rows = Files.readAllLines(lossLog);
        int stoppedAt = Integer.parseInt(rows.get(rows.size() - 1).split(",")[0]);
        Path checkpoint = work.resolve("output").resolve(JOB).resolve(String.format("%s_%09d.safetensors", JOB, stoppedAt));
        assertLoadable(work, checkpoint);
        return stoppedAt;
    }

    /**
     * Every tensor of the checkpoint read and measured: {@code lora inspect} decodes all of them,
     * pairs each module's factors and computes its ΔW; the LoRA must adapt video and audio with
     * finite, non-zero updates.
     */
    private static void assertLoadable(Path work, Path checkpoint) throws Exception {
        Path out = work.resolve("inspect.json");
        Process inspect = Launcher.start(work, out, "lora", "inspect", "--json", checkpoint.toString());
        assertThat(inspect.waitFor(5, TimeUnit.MINUTES)).as("lora inspect finished").isTrue();
        String text = Files.readString(out);
        assertThat(inspect.exitValue()).as(text).isZero();
        JsonNode report = new ObjectMapper().readTree(text.substring(text.indexOf('{')));
        Map<String, JsonNode> streams = new HashMap<>();
        report.get("streams").forEach(s -> streams.put(s.get("id").asText(), s));
        for (String id : List.of("video-self", "audio-self")) {
            JsonNode stream = streams.get(id);
            assertThat(stream.get("modules").asInt()).as(id + " modules").isPositive();
            double norm = stream.get("deltaNorm").asDouble();
            assertThat(Double.isFinite(norm) && norm > 0).as(id + " ΔW norm " + norm).isTrue();
        }
    }

    private static Path write(Path work, String yaml) throws IOException {
        return Files.writeString(work.resolve("job.yaml"), yaml);
    }

    private static void waitForRows(Process p, Path csv, int rows, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            assertThat(p.isAlive()).as("training ended early").isTrue();
            if (Files.exists(csv) && Files.readAllLines(csv).size() > rows) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + rows + " steps within " + limit);
    }

    /** Samples the launcher's descendants while it runs; true if any is a Python interpreter. */
    private static AtomicBoolean watchForPythonChildren(Process p) {
        AtomicBoolean seen = new AtomicBoolean();
        Thread t = new Thread(() -> {
            while (p.isAlive()) {
                // A Python child that trains (the subprocess runner's entry), not one that makes the
                // demo assets or probes the environment before training.
                p.descendants().forEach(d -> d.info().command().ifPresent(c -> {
                    boolean python = Path.of(c).getFileName().toString().startsWith("python");
                    boolean trains = d.info().arguments().map(a -> String.join(" ", a).contains("bridge."))
                            .orElse(true);
                    if (python && trains) {
                        seen.set(true);
                    }
                }));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return seen;
    }
}
