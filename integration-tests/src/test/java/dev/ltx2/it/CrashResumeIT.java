package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SIGKILL trial through the orchestrator's own runners (issue 19): the trainer dies in the
 * middle of writing the step-4 LoRA, no handler and no cleanup (under Jep that kills the JVM, the
 * orchestrator itself, as a lost machine would), and the same {@code train} command resumes from
 * the last complete checkpoint (step 2); the loss log ends with one row per step. The many-trial
 * form, through the bridge's entry point, is {@code tests/fork/test_checkpoints.py} with
 * {@code LTX2_CRASH_TRIALS} (docs/reliability.md).
 */
class CrashResumeIT {
    static final String JOB = "demo_character";
    /** The third checkpoint file written (step 2's LoRA, step 2's optimizer.pt, step 4's LoRA), cut to half. */
    static final Map<String, String> KILL_IN_STEP_4_SAVE = Map.of("LTX2_TEST_KILL_AT", "3:0.5",
            "PYTHONPATH", Launcher.HOME.resolve("python-env/tests/fork/faults").toString());

    @BeforeEach
    void needsUpstream() {
        UpstreamAvailable.assume();
    }

    @ParameterizedTest(name = "runner {0}")
    @ValueSource(strings = {"jep", "subprocess"})
    void sigkillDuringASaveResumesFromTheLastCompleteCheckpoint(String runner, @TempDir Path work) throws Exception {
        // the voice report off: its files would count among the writes the fault numbers
        String config = Launcher.demoConfig(6, 2).replace("      datasets:", "      voice_report: {enabled: false}\n      datasets:");
        Path job = Files.writeString(work.resolve("job.yaml"), config);
        Path out = work.resolve("output").resolve(JOB);

        Path killedLog = work.resolve("killed.log");
        Process killed = Launcher.start(work, killedLog, KILL_IN_STEP_4_SAVE, "train", "--runner", runner, job.toString());
        assertThat(killed.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String killedOutput = Files.readString(killedLog);
        assertThat(killedOutput).as("the fault fired after the step-2 checkpoint").contains("checkpoint at step 2")
                .doesNotContain("finished at step");
        if (runner.equals("jep")) {
            assertThat(killed.exitValue()).as(killedOutput).isEqualTo(128 + 9); // the JVM itself was killed
        } else {
            assertThat(killed.exitValue()).as(killedOutput).isEqualTo(3);
        }

        Path resumeLog = work.resolve("resume.log");
        Process resumed = Launcher.start(work, resumeLog, "train", "--runner", runner, job.toString());
        assertThat(resumed.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(resumeLog);
        assertThat(resumed.exitValue()).as(output).isZero();
        assertThat(output).contains("step 2 of 6").contains("finished at step 6");
        List<Integer> steps = Files.readAllLines(out.resolve("loss_log.csv")).stream().skip(1)
                .map(r -> Integer.parseInt(r.split(",")[0])).toList();
        assertThat(steps).containsExactly(1, 2, 3, 4, 5, 6);
        try (var set = Files.list(out)) {
            assertThat(set.map(p -> p.getFileName().toString())).doesNotContain(".set-aside")
                    .as("no temporary file left under a checkpoint's name").noneMatch(n -> n.endsWith(".partial"));
        }
    }
}
