package dev.ltx2.schema.export;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.SectionSpec;

/**
 * {@code docs/config-reference.md}: the key tables, generated from the schema ({@link GeneratedFiles}).
 */
public final class ReferenceDoc {
    private ReferenceDoc() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Config reference: ai-toolkit job configs for LTX-2\n\n")
                .append("<!-- Generated from config-schema (dev.ltx2.schema.model). Do not edit: run\n     ")
                .append(GeneratedFiles.REGENERATE).append(" -->\n\n")
                .append("Every key the patched ai-toolkit reads for an LTX-2 job at the pinned upstream commit, with its ")
                .append("type, bounds and default. `orchestrator validate CONFIG` rejects unknown keys, wrong types and ")
                .append("out-of-range values, and also checks the rules that span keys (8k+1 frames, audio settings, ")
                .append("optimizer and scheduler parameters, paths); see docs/config-schema.md.\n\n")
                .append("Marks: **fork** = added by the patched fork; *other models* = read by ai-toolkit only for other ")
                .append("model families (accepted, with a warning when set). Defaults are what ai-toolkit uses when the ")
                .append("key is absent.\n\n");
        for (SectionSpec spec : JobConfig.ALL_SECTIONS) {
            md.append("## `").append(spec.where()).append("`\n\n").append(spec.doc()).append("\n\n")
                    .append("| Key | Type | Default | Description |\n|---|---|---|---|\n");
            for (Key<?> key : spec.keys()) {
                String mark = switch (key.relevance()) {
                    case FORK -> " **fork**";
                    case OTHER_MODELS -> " *other models*";
                    case LTX2 -> "";
                };
                md.append("| `").append(key.name()).append("`").append(mark)
                        .append(" | ").append(cell(key.type().summary() + (key.nullable() ? ", or null" : "")))
                        .append(" | ").append(cell(key.required() ? "required" : "`" + key.defaultForDocs() + "`"))
                        .append(" | ").append(cell(key.doc())).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
