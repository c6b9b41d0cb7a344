package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Layout;
import dev.ltx2.orchestrator.core.GeneratedSources;
import dev.ltx2.schema.export.GeneratedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator schema generate}: rewrite every generated file ({@link GeneratedSources}: the
 * docs key table, the runtime's Python key table, the web UI's key table in the fork overlay, the
 * LoRA key names for Python) in the repository checkout.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Rewrite every generated file (docs/config-reference.md, the Python and UI key tables of the "
                + "keys the fork reads, the LoRA key names for Python); run it after changing a key or a LoRA key format.")
public final class SchemaGenerateCommand implements Callable<Integer> {
    @Option(names = "--root", paramLabel = "DIR", description = "Repository root (default: the checkout the orchestrator runs from).")
    Path root;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Path home = root != null ? root : Layout.resolve(null).home();
        PrintWriter out = spec.commandLine().getOut();
        for (GeneratedFiles.File file : GeneratedSources.ALL) {
            Path target = home.resolve(file.path());
            try {
                String text = file.content().get();
                boolean same = Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(text);
                if (!same) {
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                }
                out.println((same ? "current  " : "written  ") + file.path());
            } catch (IOException e) {
                Console console = new Console(out, spec.commandLine().getErr());
                return console.fail(Failure.user("cannot write " + target + ": " + e.getMessage(), "check the path"));
            }
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
