package dev.ltx2.orchestrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.lora.LoraInspector;
import dev.ltx2.orchestrator.lora.LoraReport;
import dev.ltx2.orchestrator.lora.ReportText;
import dev.ltx2.orchestrator.lora.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator lora inspect FILE [--json]}. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a LoRA contains: key format, network type, rank and alpha, modules and ΔW "
                + "Frobenius norms per stream (video/audio self- and cross-attention and feed-forward, "
                + "audio-to-video, video-to-audio, connectors), training metadata, what each loader will do "
                + "with it, and warnings.",
                "Reads the safetensors header and memory-maps tensors one module at a time."})
public final class LoraInspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A .safetensors LoRA.")
    Path file;

    @Option(names = "--json", description = "Print the report as JSON (all metadata values in full).")
    boolean json;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Result<SafetensorsFile> opened = SafetensorsFile.open(file);
        if (opened instanceof Result.Err<SafetensorsFile> err) {
            return console.fail(err.failure());
        }
        try (SafetensorsFile lora = ((Result.Ok<SafetensorsFile>) opened).value()) {
            Result<LoraReport> report = LoraInspector.inspect(lora);
            if (report instanceof Result.Err<LoraReport> err) {
                return console.fail(err.failure());
            }
            LoraReport r = ((Result.Ok<LoraReport>) report).value();
            if (json) {
                console.info(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
            } else {
                ReportText.print(r, console.out());
            }
        }
        return 0;
    }
}
