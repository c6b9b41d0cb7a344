package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.report.RunReport;
import dev.ltx2.orchestrator.report.RunReportPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orchestrator report OUTPUT_DIR [--out FILE]}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML page for a training run: config summary, loss and voice plots, "
                + "the voice report's warnings, the samples with video and audio players (docs/voice-report.md).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUTPUT_DIR", description = "The job's output folder (training_folder/name).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: OUTPUT_DIR/report.html).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Result<RunReport> run = RunReport.read(dir);
        if (run instanceof Result.Err<RunReport> err) {
            return console.fail(err.failure());
        }
        Path target = out != null ? out : dir.resolve(RunReportPage.FILE_NAME);
        try {
            Files.writeString(target, RunReportPage.render(((Result.Ok<RunReport>) run).value()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return console.fail(Failure.user("cannot write " + target + ": " + e.getMessage(), "choose another --out"));
        }
        console.info("wrote " + target);
        return 0;
    }
}
