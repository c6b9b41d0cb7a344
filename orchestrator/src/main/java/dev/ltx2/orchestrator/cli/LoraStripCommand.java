package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.lora.LoraStripper;
import dev.ltx2.orchestrator.lora.SafetensorsFile;
import dev.ltx2.orchestrator.lora.StreamSelection;
import dev.ltx2.orchestrator.lora.StripResult;
import dev.ltx2.orchestrator.lora.Stream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator lora strip --streams audio,a2v,v2a FILE -o OUT [--zero]}. */
@Command(name = "strip", mixinStandardHelpOptions = true,
        description = {"Write a copy of a LoRA without the chosen streams (or with them zeroed). "
                + "The input file is never modified; metadata is kept, with a note of what was stripped.",
                "Streams: video, audio (groups), video-self, video-cross, video-ff, audio-self, audio-cross, "
                + "audio-ff, a2v, v2a, connectors, other."})
public final class LoraStripCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The LoRA to read.")
    Path file;

    @Option(names = "--streams", required = true, paramLabel = "LIST",
            description = "Comma-separated streams to strip, e.g. audio,a2v,v2a.")
    String streams;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The file to write.")
    Path output;

    @Option(names = "--zero", description = "Keep the keys but zero their weights instead of removing them.")
    boolean zero;

    @Option(names = "--force", description = "Replace OUT if it exists (never the input).")
    boolean force;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Result<Set<Stream>> chosen = StreamSelection.parse(streams);
        if (chosen instanceof Result.Err<Set<Stream>> err) {
            return console.fail(err.failure());
        }
        Result<Void> target = LoraStripper.checkTarget(file, output, force);
        if (target instanceof Result.Err<Void> err) {
            return console.fail(err.failure());
        }
        Result<SafetensorsFile> opened = SafetensorsFile.open(file);
        if (opened instanceof Result.Err<SafetensorsFile> err) {
            return console.fail(err.failure());
        }
        try (SafetensorsFile lora = ((Result.Ok<SafetensorsFile>) opened).value()) {
            Result<StripResult> stripped = LoraStripper.strip(lora, ((Result.Ok<Set<Stream>>) chosen).value(), zero, output);
            if (stripped instanceof Result.Err<StripResult> err) {
                return console.fail(err.failure());
            }
            StripResult r = ((Result.Ok<StripResult>) stripped).value();
            console.info("wrote " + output + ": " + r.mode() + " " + r.modules() + " module(s), " + r.tensors()
                    + " tensor(s)" + (r.modulesByStream().isEmpty() ? " (no module was in those streams)"
                    : " " + r.modulesByStream()));
        }
        return 0;
    }
}
