package dev.ltx2.orchestrator.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The several-rank parts of the subprocess runner that need no Python: the command and the outcome of a dead rank. */
class DataParallelRunTest {
    private static final Path PY = Path.of("/venv/bin/python");

    @Test
    void oneRankRunsTheTrainerDirectly() {
        assertThat(SubprocessRunner.command(PY, Path.of("job.json"), Path.of("fork"), Path.of("t.log"), 1, Path.of("s")))
                .containsExactly("/venv/bin/python", "-u", "-m", "ltx2_character.bridge.subprocess_main",
                        "--config-json", "job.json", "--fork", "fork", "--log-file", "t.log");
    }

    @Test
    void severalRanksGoThroughTorchrunWithAStopFile() {
        assertThat(SubprocessRunner.command(PY, Path.of("job.json"), Path.of("fork"), Path.of("t.log"), 4, Path.of("s")))
                .containsExactly("/venv/bin/python", "-u", "-m", "ltx2_character.bridge.launch", "--standalone",
                        "--nproc-per-node=4", "-m", "ltx2_character.bridge.subprocess_main", "--config-json", "job.json",
                        "--fork", "fork", "--log-file", "t.log", "--stop-file", "s");
        assertThat(new SubprocessRunner(4).name()).contains("4 ranks");
    }

    @Test
    void decodesARankFailure() {
        assertThat(TrainingEvent.decode("{\"type\":\"rank_failed\",\"rank\":1,\"exit_code\":-9}"))
                .isEqualTo(new TrainingEvent.RankFailed(1, -9));
    }

    @Test
    void aDeadRankIsTheCauseAndTheLastCheckpointIsNamed() {
        var collector = new OutcomeCollector(new ArrayList<TrainingEvent>()::add);
        collector.accept(new TrainingEvent.Saved("/out/job_000000002.safetensors", 2));
        // rank 0 then fails in a collective because its peer vanished
        collector.accept(new TrainingEvent.Failed("RuntimeError: Connection closed by peer", "Traceback (gloo)"));
        collector.accept(new TrainingEvent.RankFailed(1, -9));
        collector.accept(new TrainingEvent.RankFailed(0, 1));
        var failed = (RunOutcome.Failed) collector.outcomeOr("none");
        assertThat(failed.error()).startsWith("rank 1 was killed by signal 9, so the job stopped all ranks")
                .contains("the last complete checkpoint is /out/job_000000002.safetensors (step 2)")
                .contains("Run the same command to resume").contains("trainer.log.rank1");
        assertThat(failed.traceback()).isEqualTo("Traceback (gloo)");
    }

    @Test
    void rankZerosOwnPythonFailureStaysTheCause() {
        var collector = new OutcomeCollector(new ArrayList<TrainingEvent>()::add);
        collector.accept(new TrainingEvent.Failed("StrictAudioError: only 1 of 60", "tb"));
        collector.accept(new TrainingEvent.RankFailed(0, 3));
        assertThat(collector.outcomeOr("none")).isEqualTo(new RunOutcome.Failed("StrictAudioError: only 1 of 60", "tb"));
    }

    @Test
    void aRankDeadBeforeAnyCheckpointSaysSo() {
        var collector = new OutcomeCollector(new ArrayList<TrainingEvent>()::add);
        collector.accept(new TrainingEvent.RankFailed(0, 3));
        assertThat(((RunOutcome.Failed) collector.outcomeOr("none")).error())
                .startsWith("rank 0 exited with code 3").contains("no checkpoint was written in this run");
    }
}
