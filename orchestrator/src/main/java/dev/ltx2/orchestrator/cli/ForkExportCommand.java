package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.ForkExport;
import dev.ltx2.orchestrator.fork.ForkState;
import dev.ltx2.orchestrator.fork.SopItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code orchestrator fork export --out DIR}: the SOP's hand-off artefacts, made from the fork. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the combined patch against the pin, the SOP with each item's status, and a zip "
                + "with both and the modified upstream files as patched.")
public final class ForkExportCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the artefacts.")
    Path out;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<ForkState> fork = ws.ensureFork(upstream.upstream);
        if (fork instanceof Result.Err<ForkState> e) return console.fail(e.failure());
        Result<SopItems> items = SopItems.load(ws.layout().patchesDir());
        if (items instanceof Result.Err<SopItems> e) return console.fail(e.failure());
        Path sop = ws.layout().home().resolve("docs/spec/LTX2_AUDIO_SOP.md");
        if (!Files.isRegularFile(sop)) {
            return console.fail(Failure.environment("the SOP is missing: " + sop, "restore docs/spec from git"));
        }
        Result<ForkExport.Exported> exported = ForkExport.export(((Result.Ok<ForkState>) fork).value(),
                Files.readString(sop), ((Result.Ok<SopItems>) items).value(), ws.layout().pythonSource(), out);
        if (exported instanceof Result.Err<ForkExport.Exported> e) return console.fail(e.failure());
        ForkExport.Exported x = ((Result.Ok<ForkExport.Exported>) exported).value();
        console.info("patch: " + x.patch());
        console.info("SOP with status: " + x.sop());
        console.info("zip: " + x.zip() + " (" + x.modifiedFiles().size() + " modified upstream files, the "
                + ForkExport.PACKAGE + " package, README.md)");
        return 0;
    }
}
