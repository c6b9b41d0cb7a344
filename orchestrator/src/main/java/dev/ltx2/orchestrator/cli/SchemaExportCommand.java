package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.schema.export.JsonSchemaExport;
import dev.ltx2.schema.export.PythonKeyTable;
import dev.ltx2.schema.export.ReferenceDoc;
import dev.ltx2.schema.export.UiKeyTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator schema export [--out FILE] [--format json-schema|markdown|python|ui]}: each generated
 * from the records {@code validate} binds with.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the JSON Schema of LTX-2 job configs (for editors' YAML support), or the markdown key "
                + "reference (docs/config-reference.md).")
public final class SchemaExportCommand implements Callable<Integer> {
    enum Format { json_schema, markdown, python, ui }

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json-schema",
            converter = FormatConverter.class, description = "json-schema (default), markdown, python (the runtime's key table) or ui (the same for the web UI, TypeScript).")
    Format format;

    @Spec CommandSpec spec;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.valueOf(value.replace('-', '_'));
        }
    }

    @Override
    public Integer call() {
        String text = switch (format) {
            case markdown -> ReferenceDoc.markdown();
            case python -> PythonKeyTable.module();
            case ui -> UiKeyTable.module();
            case json_schema -> JsonSchemaExport.schema().toPrettyString() + "\n";
        };
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCode.OK.code();
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
            return console.fail(Failure.user("cannot write " + out + ": " + e.getMessage(), "check the path"));
        }
        return ExitCode.OK.code();
    }
}
