package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.dataset.DatasetGate;
import dev.ltx2.orchestrator.dataset.DatasetInspector;
import dev.ltx2.orchestrator.dataset.PyAvProbe;
import dev.ltx2.orchestrator.demo.DemoAssets;
import dev.ltx2.orchestrator.runner.SubprocessRunner;
import dev.ltx2.orchestrator.runner.TrainerRunner;
import dev.ltx2.orchestrator.train.TrainSession;
import dev.ltx2.schema.Diagnostic;
import dev.ltx2.schema.LoadResult;
import dev.ltx2.schema.ResolvedConfig;
import dev.ltx2.schema.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator train CONFIG}: prepares whatever is missing (venv, fork, demo assets)
 * and trains, resuming from the job's last checkpoint if there is one.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a LoRA from an ai-toolkit job config; resumes from the last checkpoint of the same job.")
public final class TrainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "ai-toolkit job config (YAML or JSON).")
    Path config;

    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Mixin PythonOption python;
    @Mixin RunnerOption runner;

    @Option(names = "--gpus", paramLabel = "N",
            description = "Data-parallel ranks on this machine, one per GPU (on a CPU: processes with gloo), launched "
                    + "through torchrun with the subprocess runner; rank 0 saves. Default: the config's "
                    + "process[0].gpus, else 1.")
    Integer gpus;

    @Option(names = "--no-dataset-check",
            description = "Start without checking every clip first (for a dataset checked already and too large to "
                    + "check again); a bad clip then stops the trainer. By default unusable clips are named and left out.")
    boolean noDatasetCheck;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);

        // Validate before anything expensive (venv, fork, model load): see orchestrator validate.
        ValidationReport report = JobValidation.validate(config, ws.layout());
        LoadResult loaded = report.toLoadResult();
        if (loaded instanceof LoadResult.Invalid invalid) {
            invalid.errors().forEach(d -> console.err().println(d.format()));
            invalid.warnings().forEach(d -> console.err().println(d.format()));
            console.err().flush();
            return ExitCode.USER_ERROR.code();
        }
        var resolved = ((LoadResult.Loaded) loaded);
        resolved.warnings().stream().map(Diagnostic::format).forEach(console.err()::println);
        int ranks = gpus != null ? gpus : resolved.config().gpus();
        if (ranks < 1) {
            return console.fail(Failure.user("--gpus must be at least 1, got " + ranks,
                    "pass the number of GPUs to train on, e.g. --gpus 2"));
        }

        Result<?> prepared = ws.ensureEnv(python.python).then(e -> ws.ensureFork(upstream.upstream));
        if (prepared instanceof Result.Ok<?> && usesDemoAssets(config)) {
            prepared = ws.ensureDemo();
        }
        if (prepared instanceof Result.Err<?> err) {
            return console.fail(err.failure());
        }
        ResolvedConfig job = resolved.config();
        if (!noDatasetCheck) {
            Result<DatasetGate.Admitted> admitted = checkDatasets(ws, console, report, job);
            if (admitted instanceof Result.Err<DatasetGate.Admitted> err) {
                return console.fail(err.failure());
            }
            job = ((Result.Ok<DatasetGate.Admitted>) admitted).value().config();
        }
        TrainerRunner trainer = ranks > 1 ? new SubprocessRunner(ranks) : runner.create(job.device());
        return new TrainSession(ws.pythonEnv(), job, trainer, console).run().code();
    }

    /** Every clip as the trainer will read it; unusable ones named and left out, the rest's changes named. */
    private Result<DatasetGate.Admitted> checkDatasets(Workspace ws, Console console, ValidationReport report,
                                                       ResolvedConfig job) {
        console.progress("checking the dataset (--no-dataset-check skips this)");
        var reports = new DatasetInspector(new PyAvProbe(ws.pythonEnv(), Runtime.getRuntime().availableProcessors()),
                JobValidation.context(ws.layout())).inspect(report.job().orElseThrow());
        Result<DatasetGate.Admitted> admitted = DatasetGate.admit(job, reports, "orchestrator dataset check " + config);
        if (admitted instanceof Result.Ok<DatasetGate.Admitted> ok) {
            ok.value().lines().forEach(console.err()::println);
            console.err().flush();
        }
        return admitted;
    }

    private static boolean usesDemoAssets(Path config) throws IOException {
        return Files.readString(config).contains("${" + DemoAssets.ENV_VAR + "}");
    }
}
