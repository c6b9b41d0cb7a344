package dev.ltx2.orchestrator.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.runner.RunOutcome;
import dev.ltx2.schema.ResolvedConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What the user reads when training fails: a failure with a known remedy (a full disk during
 * a save, CUDA out of memory) gets that remedy and its own exit code, and its Python traceback
 * goes to the trainer log only; any other failure shows the traceback on screen.
 *
 * @param exit          the process exit code
 * @param message       the error line(s), without the traceback
 * @param showTraceback whether the Python traceback belongs on screen
 */
public record FailureAdvice(ExitCode exit, String message, boolean showTraceback) {

    /** The Python class {@code ltx2_character.training.checkpoints.CheckpointSpaceError}. */
    static final String SPACE_ERROR = "CheckpointSpaceError";
    /** {@code torch.cuda.OutOfMemoryError}'s class name (an OOM outside the training step). */
    static final String CUDA_OOM = "OutOfMemoryError";
    /** What ai-toolkit raises after skipping three batches in a row that ran out of memory. */
    static final String OOM_GIVEN_UP = "OOM during training step";

    public static FailureAdvice of(RunOutcome.Failed failed, ResolvedConfig config) {
        String error = failed.error();
        if (error.startsWith(SPACE_ERROR + ":")) {
            String detail = error.substring(SPACE_ERROR.length() + 1).strip().replaceFirst("^\\[Errno \\d+\\] ", "");
            return new FailureAdvice(ExitCode.ENVIRONMENT_ERROR,
                    "disk full: " + detail + ". The checkpoints written before are intact.", false);
        }
        if (error.startsWith(CUDA_OOM + ":") || error.contains("CUDA out of memory") || error.contains(OOM_GIVEN_UP)) {
            return new FailureAdvice(ExitCode.TRAINING_FAILED, outOfMemory(config), false);
        }
        return new FailureAdvice(ExitCode.TRAINING_FAILED, "training failed: " + error, true);
    }

    /** The settings measured to fit (docs/benchmarks.md, "The 32 GiB question" and the H100/H200 rows). */
    static String outOfMemory(ResolvedConfig config) {
        JsonNode process = config.tree().path("config").path("process").path(0);
        JsonNode model = process.path("model");
        JsonNode train = process.path("train");
        JsonNode dataset = process.path("datasets").path(0);
        List<String> lines = new ArrayList<>();
        lines.add("CUDA ran out of GPU memory. The last checkpoint is kept; run the same command to resume after changing:");
        if (!train.path("gradient_checkpointing").asBoolean(false)) {
            lines.add("  train.gradient_checkpointing: true   (now off; without it 81 frames does not fit even in 140 GiB)");
        }
        if (!model.path("layer_offloading").asBoolean(false)) {
            lines.add("  model.layer_offloading: true with model.layer_offloading_transformer_percent: 0.6   (now off; "
                    + "81 frames 768x512 bf16 then peaks at 25.9 GiB, fits a 32 GiB card)");
        } else {
            double percent = model.path("layer_offloading_transformer_percent").asDouble(1.0);
            lines.add(String.format(java.util.Locale.ROOT, "  model.layer_offloading_transformer_percent: raise it (now %.2f; "
                    + "0.6 fits 81 frames 768x512 in 32 GiB)", percent));
        }
        lines.add("  datasets[].num_frames and resolution: lower them (now " + dataset.path("num_frames").asText("?")
                + " frames at " + dataset.path("resolution").toString() + "; measured: 81 frames 768x512 peaks at 46 GiB "
                + "with checkpointing)");
        lines.add("  measured budgets: docs/benchmarks.md");
        return String.join(System.lineSeparator(), lines);
    }
}
