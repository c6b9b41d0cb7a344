package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.dataset.DatasetInspector;
import dev.ltx2.orchestrator.dataset.DatasetReport;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.dataset.PyAvProbe;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import dev.ltx2.orchestrator.dataset.ReportFormat;
import dev.ltx2.schema.ValidationReport;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator dataset check CONFIG [--json]}: per clip, the audio track, sample rate, channels,
 * duration against num_frames/fps, decodability, caption and bucket; then the share of video
 * steps that will have real audio. Exit 0 when fine (warnings allowed), 1 on errors (an invalid
 * config, missing folders, clips that do not decode, strict_audio_mode predicted to stop), 2 when
 * the Python environment is missing.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every clip and image of a job's datasets as the trainer reads them (PyAV, torchaudio) "
                + "and forecast the share of video steps with real audio.")
public final class DatasetCheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CONFIG", description = "ai-toolkit job config (YAML or JSON).")
    Path config;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Most probe processes to run at once (default: CPU count; each takes at least "
                    + PyAvProbe.FILES_PER_PROCESS + " files).")
    Integer jobs;

    @Mixin CacheOption cache;
    @Mixin JsonOption json;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Console console = new Console(out, spec.commandLine().getErr());
        ValidationReport report = JobValidation.validate(config, cache.layout());
        if (!report.valid() || report.job().isEmpty()) {
            if (json.enabled()) {
                JobValidation.printJson(report, out);
            } else {
                JobValidation.printHuman(report.errors(), console.err());
                console.err().println(JobValidation.summary(report));
            }
            out.flush();
            console.err().flush();
            return ExitCode.USER_ERROR.code();
        }
        PythonEnv env = new Workspace(cache.layout(), console).pythonEnv();
        if (!env.exists()) {
            return console.fail(Failure.environment("no Python environment at " + env.venvDir() + ": dataset check reads "
                    + "clips with the trainer's PyAV and torchaudio", "run: orchestrator env create"));
        }
        int processes = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        List<DatasetReport.Process> reports = new DatasetInspector(new PyAvProbe(env, processes),
                JobValidation.context(cache.layout())).inspect(report.job().get());
        boolean errors = reports.stream().anyMatch(DatasetReport.Process::hasErrors);
        if (json.enabled()) {
            out.println(ReportFormat.json(reports, !errors).toPrettyString());
        } else {
            ReportFormat.human(reports, out);
            out.println(config + ": " + (errors ? "problems found" : "ok"));
        }
        out.flush();
        return errors ? ExitCode.USER_ERROR.code() : ExitCode.OK.code();
    }
}
