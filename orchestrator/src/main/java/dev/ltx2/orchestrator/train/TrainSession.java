package dev.ltx2.orchestrator.train;

import dev.ltx2.orchestrator.cli.Console;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import dev.ltx2.orchestrator.runner.RunOutcome;
import dev.ltx2.orchestrator.runner.TrainerRunner;
import dev.ltx2.orchestrator.runner.TrainingRequest;
import dev.ltx2.schema.ResolvedConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** One training run: progress on the console, losses to {@code loss_log.csv}, signals to a clean stop. */
public final class TrainSession {
    public static final String TRAINER_LOG = "trainer.log";

    private final PythonEnv env;
    private final ResolvedConfig config;
    private final TrainerRunner runner;
    private final Console console;

    public TrainSession(PythonEnv env, ResolvedConfig config, TrainerRunner runner, Console console) {
        this.env = env;
        this.config = config;
        this.runner = runner;
        this.console = console;
    }

    public ExitCode run() {
        Path outputDir = config.outputDir();
        Path log = outputDir.resolve(TRAINER_LOG);
        ProgressLine progress = new ProgressLine(System.out, System.console() != null);
        StopSignals signals = StopSignals.install(() -> {
            progress.endLine();
            console.progress("stopping after the current step; a checkpoint will be saved");
        });
        console.progress("training with the " + runner.name() + " runner; trainer output: " + log);
        RunOutcome outcome;
        try (LossLog losses = new LossLog(outputDir)) {
            outcome = runner.run(new TrainingRequest(config.toJson(), env, log), progress.andThen(losses), signals.flag());
        }
        progress.endLine();
        if (outcome instanceof RunOutcome.Completed done) {
            console.info("finished at step " + done.step() + "; LoRA and loss log in " + outputDir);
            return ExitCode.OK;
        }
        if (outcome instanceof RunOutcome.Stopped stopped) {
            console.info("stopped at step " + stopped.step() + (stopped.checkpoint() == null ? " before training began"
                    : "; checkpoint " + stopped.checkpoint()) + ". Run the same command to resume.");
            return signals.reason() != null ? signals.reason() : ExitCode.INTERRUPTED;
        }
        RunOutcome.Failed failed = (RunOutcome.Failed) outcome;
        FailureAdvice advice = FailureAdvice.of(failed, config);
        console.err().println("error: " + advice.message());
        if (advice.showTraceback()) {
            if (!failed.traceback().isBlank()) {
                console.err().println(failed.traceback().stripTrailing().indent(2).stripTrailing());
            }
            console.err().println("  trainer log: " + log + tail(log));
        } else {
            appendToLog(log, failed.traceback());
            console.err().println("  Python traceback: " + log);
        }
        console.err().flush();
        return advice.exit();
    }

    private static void appendToLog(Path log, String traceback) {
        try {
            Files.writeString(log, traceback.endsWith("\n") ? traceback : traceback + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The disk may be the very thing that is full; the message on screen still stands.
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> last = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return last.isEmpty() ? "" : "\n" + String.join("\n", last).indent(4).stripTrailing();
        } catch (IOException e) {
            return "";
        }
    }
}
