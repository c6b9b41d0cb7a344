package dev.ltx2.orchestrator.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.orchestrator.core.Layout;
import dev.ltx2.orchestrator.demo.DemoAssets;
import dev.ltx2.schema.ConfigValidator;
import dev.ltx2.schema.Diagnostic;
import dev.ltx2.schema.ValidationContext;
import dev.ltx2.schema.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a job config the way every command sees it: the process environment plus
 * {@code LTX2_DEMO_DIR}, whose assets {@code train} generates on first use (so paths under it
 * are not reported missing before that).
 */
final class JobValidation {
    private JobValidation() {}

    static ValidationContext context(Layout layout) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(DemoAssets.ENV_VAR, layout.demoDir().toString());
        return ValidationContext.of(env).withGeneratedRoot(layout.demoDir());
    }

    static ValidationReport validate(Path config, Layout layout) {
        return ConfigValidator.validate(config, context(layout));
    }

    /** {@code file:line:col  key.path  message  (fix: ...)}, one per line. */
    static void printHuman(List<Diagnostic> diagnostics, PrintWriter out) {
        diagnostics.forEach(d -> out.println(d.format()));
    }

    static String summary(ValidationReport report) {
        int errors = report.errors().size();
        int warnings = report.warnings().size();
        return report.file() + ": " + (errors == 0 ? "valid" : "invalid") + " (" + plural(errors, "error") + ", "
                + plural(warnings, "warning") + ")";
    }

    static ObjectNode json(ValidationReport report) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("file", report.file().toString());
        o.put("valid", report.valid());
        o.put("errors", report.errors().size());
        o.put("warnings", report.warnings().size());
        o.set("diagnostics", diagnostics(report.diagnostics()));
        return o;
    }

    /**
     * Prints {@link #json} with jackson-core's generator only: ObjectMapper's start-up would cost
     * {@code validate --json} about 0.3 s of its 1 s budget on a 2-core machine.
     */
    static void printJson(ValidationReport report, PrintWriter out) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            write(json(report), g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (var e : node.properties()) {
                g.writeFieldName(e.getKey());
                write(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode item : node) {
                write(item, g);
            }
            g.writeEndArray();
        } else if (node.isNull()) {
            g.writeNull();
        } else if (node.isBoolean()) {
            g.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            g.writeNumber(node.longValue());
        } else if (node.isNumber()) {
            g.writeNumber(node.doubleValue());
        } else {
            g.writeString(node.asText());
        }
    }

    static ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode n = a.addObject();
            n.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            n.put("file", d.file().toString());
            n.put("line", d.line());
            n.put("column", d.column());
            n.put("keyPath", d.keyPath());
            n.put("message", d.message());
            if (d.fix() != null) {
                n.put("fix", d.fix());
            } else {
                n.putNull("fix");
            }
        }
        return a;
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
