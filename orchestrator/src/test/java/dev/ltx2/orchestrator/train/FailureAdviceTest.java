package dev.ltx2.orchestrator.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.runner.RunOutcome;
import dev.ltx2.schema.ResolvedConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FailureAdviceTest {

    static ResolvedConfig config(String process) throws Exception {
        return new ResolvedConfig(Path.of("job.yaml"),
                new ObjectMapper().readTree("{\"config\":{\"name\":\"j\",\"process\":[" + process + "]}}"));
    }

    @Test
    void aFullDiskNamesTheFolderAndTheSpaceExitsTwoAndKeepsTheTracebackOffScreen() throws Exception {
        var failed = new RunOutcome.Failed("CheckpointSpaceError: [Errno 28] no space left in /out/j while saving j_000000004.safetensors: "
                + "wrote 2.0 MiB before the disk was full (0 B free); free at least 4.0 MiB there", "Traceback ...");
        FailureAdvice advice = FailureAdvice.of(failed, config("{}"));
        assertThat(advice.exit()).isEqualTo(ExitCode.ENVIRONMENT_ERROR);
        assertThat(advice.exit().code()).isEqualTo(2);
        assertThat(advice.message()).startsWith("disk full: no space left in /out/j").contains("free at least 4.0 MiB")
                .contains("checkpoints written before are intact").doesNotContain("Errno");
        assertThat(advice.showTraceback()).isFalse();
    }

    @Test
    void cudaOutOfMemoryNamesTheSettingsThatFitMeasuredBudgets() throws Exception {
        var failed = new RunOutcome.Failed("OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB", "Traceback ...");
        FailureAdvice advice = FailureAdvice.of(failed, config(
                "{\"model\":{},\"train\":{\"gradient_checkpointing\":false},\"datasets\":[{\"num_frames\":121,\"resolution\":[768]}]}"));
        assertThat(advice.exit().code()).isEqualTo(3);
        assertThat(advice.showTraceback()).isFalse();
        assertThat(advice.message()).contains("train.gradient_checkpointing: true")
                .contains("model.layer_offloading_transformer_percent: 0.6").contains("now 121 frames at [768]")
                .contains("last checkpoint is kept").contains("docs/benchmarks.md");
    }

    @Test
    void withCheckpointingAndOffloadingOnTheAdviceIsToOffloadMoreAndShrinkTheClips() throws Exception {
        var failed = new RunOutcome.Failed("OutOfMemoryError: CUDA out of memory.", "");
        String message = FailureAdvice.of(failed, config("{\"model\":{\"layer_offloading\":true,"
                + "\"layer_offloading_transformer_percent\":0.3},\"train\":{\"gradient_checkpointing\":true},"
                + "\"datasets\":[{\"num_frames\":81,\"resolution\":[512]}]}")).message();
        assertThat(message).doesNotContain("gradient_checkpointing").contains("raise it (now 0.30").contains("num_frames");
    }

    @Test
    void aiToolkitGivingUpAfterThreeOutOfMemoryBatchesIsOutOfMemoryToo() throws Exception {
        var failed = new RunOutcome.Failed("RuntimeError: OOM during training step 3 times in a row, aborting training", "");
        FailureAdvice advice = FailureAdvice.of(failed, config("{}"));
        assertThat(advice.showTraceback()).isFalse();
        assertThat(advice.message()).startsWith("CUDA ran out of GPU memory");
    }

    @Test
    void anyOtherFailureShowsItsTracebackAndExitsThree() throws Exception {
        FailureAdvice advice = FailureAdvice.of(new RunOutcome.Failed("ValueError: bad", "Traceback ..."), config("{}"));
        assertThat(advice.exit().code()).isEqualTo(3);
        assertThat(advice.showTraceback()).isTrue();
        assertThat(advice.message()).isEqualTo("training failed: ValueError: bad");
    }
}
