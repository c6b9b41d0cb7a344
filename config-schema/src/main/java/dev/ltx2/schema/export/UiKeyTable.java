package dev.ltx2.schema.export;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code patches/overlay/ui/src/ltx2CharacterKeys.ts}: the keys the runtime reads ({@link RuntimeKeys})
 * for the web UI's job form: what the trainer does when a key is absent, the bounds, the choices
 * (each as a TypeScript union, so a choice without a label fails the UI's type check) and an
 * optional field per key for the config types. The fork materialiser copies the overlay in.
 */
public final class UiKeyTable {
    public static final String PATH = "patches/overlay/ui/src/ltx2CharacterKeys.ts";

    private UiKeyTable() {}

    public static String module() {
        StringBuilder ts = new StringBuilder();
        ts.append("// Generated from the config-schema records (dev.ltx2.schema.model). Do not edit: run\n")
                .append("//     ").append(GeneratedFiles.REGENERATE).append("\n")
                .append("// The config keys the patched fork's runtime reads: the trainer's default when a key is absent,\n")
                .append("// bounds and choices. The job form (ltx2CharacterOptions.ts, ltx2CharacterDocs.tsx) reads them here.\n\n")
                .append("export interface Ltx2KeySpec {\n")
                .append("  kind: 'bool' | 'int' | 'float' | 'choice' | 'text';\n")
                .append("  default: boolean | number | string | null;\n")
                .append("  nullable: boolean;\n")
                .append("  min?: number;\n  minExclusive?: boolean;\n  max?: number;\n  maxExclusive?: boolean;\n")
                .append("  choices?: readonly string[];\n")
                .append("  doc: string;\n")
                .append("}\n");
        List<RuntimeKeys.Entry> all = RuntimeKeys.all();
        for (RuntimeKeys.Entry e : all) {
            if (!e.choices().isEmpty()) {
                ts.append("\nexport type ").append(typeName(e.name())).append(" = ")
                        .append(e.choices().stream().map(UiKeyTable::str).collect(Collectors.joining(" | "))).append(";\n");
            }
        }
        ts.append("\n/** Keyed by the path under config.process[0], as the job form names fields. */\n")
                .append("export const ltx2RuntimeKeys: { [key: string]: Ltx2KeySpec } = {\n");
        for (RuntimeKeys.Entry e : all) {
            ts.append("  ").append(str(e.section() + "." + e.name())).append(": { ").append(spec(e)).append(" },\n");
        }
        ts.append("};\n");
        for (var spec : RuntimeKeys.SECTIONS) {
            List<RuntimeKeys.Entry> entries = RuntimeKeys.of(spec.name());
            if (entries.isEmpty()) {
                continue;
            }
            ts.append("\nexport interface Ltx2Runtime").append(typeName(spec.name())).append("Fields {\n");
            for (RuntimeKeys.Entry e : entries) {
                ts.append("  ").append(e.name()).append("?: ").append(fieldType(e)).append(";\n");
            }
            ts.append("}\n");
        }
        ts.append("\n/** The trainer's value when the key is absent from the job config. */\n")
                .append("export const trainerDefault = (key: string): boolean | number | string | null => {\n")
                .append("  const spec = ltx2RuntimeKeys[key];\n")
                .append("  if (spec === undefined) {\n")
                .append("    throw new Error(`${key} is not a key the LTX-2 runtime reads`);\n")
                .append("  }\n")
                .append("  return spec.default;\n")
                .append("};\n");
        return ts.toString();
    }

    private static String spec(RuntimeKeys.Entry e) {
        StringBuilder s = new StringBuilder().append("kind: ").append(str(e.kind()))
                .append(", default: ").append(literal(e.key().defaultValue()))
                .append(", nullable: ").append(e.key().nullable());
        if (e.minimum() != null) {
            s.append(", min: ").append(number(e.minimum()));
            if (e.minimumExclusive()) {
                s.append(", minExclusive: true");
            }
        }
        if (e.maximum() != null) {
            s.append(", max: ").append(number(e.maximum()));
            if (e.maximumExclusive()) {
                s.append(", maxExclusive: true");
            }
        }
        if (!e.choices().isEmpty()) {
            s.append(", choices: [").append(e.choices().stream().map(UiKeyTable::str).collect(Collectors.joining(", "))).append("]");
        }
        return s.append(", doc: ").append(str(e.key().doc())).toString();
    }

    private static String fieldType(RuntimeKeys.Entry e) {
        String base = switch (e.kind()) {
            case "bool" -> "boolean";
            case "int", "float" -> "number";
            case "choice" -> typeName(e.name());
            default -> "string";
        };
        return e.key().nullable() ? base + " | null" : base;
    }

    /** audio_timestep_distribution becomes AudioTimestepDistribution. */
    static String typeName(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) {
                out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return out.toString();
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof String s) {
            return str(s);
        }
        return value.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d).replace('E', 'e');
    }

    static String str(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
