package dev.ltx2.schema.export;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code python-env/src/ltx2_character/fork_keys.py}: the keys the runtime reads ({@link RuntimeKeys})
 * as a table of specs and one typed, frozen dataclass per section, so the trainer's defaults,
 * bounds and choices are the validator's.
 */
public final class PythonKeyTable {
    public static final String PATH = "python-env/src/ltx2_character/fork_keys.py";

    private PythonKeyTable() {}

    public static String module() {
        StringBuilder py = new StringBuilder();
        py.append("# Generated from the config-schema records (dev.ltx2.schema.model). Do not edit: run\n")
                .append("#     ").append(GeneratedFiles.REGENERATE).append("\n")
                .append("\"\"\"The config keys the patched fork's runtime reads: type, default, bounds and choices.\n\n")
                .append("One source, the Java schema records: ``audio/options.py`` builds ``AudioTrainingOptions`` on\n")
                .append("``TrainKeys`` and checks values against ``TRAIN``; ``training/network.py`` checks against ``NETWORK``.\n")
                .append("\"\"\"\n")
                .append("from __future__ import annotations\n\n")
                .append("from dataclasses import dataclass\n")
                .append("from typing import Literal, Optional, Union\n\n")
                .append("Scalar = Union[bool, int, float, str, None]\n\n\n")
                .append("@dataclass(frozen=True)\n")
                .append("class KeySpec:\n")
                .append("    \"\"\"One key; ``kind`` is bool, int, float, choice or text; bounds apply to int and float.\"\"\"\n\n")
                .append("    section: str\n    name: str\n    kind: str\n    default: Scalar\n    nullable: bool = False\n")
                .append("    minimum: Optional[float] = None\n    minimum_exclusive: bool = False\n")
                .append("    maximum: Optional[float] = None\n    maximum_exclusive: bool = False\n")
                .append("    choices: tuple[str, ...] = ()\n    doc: str = \"\"\n");
        for (var spec : RuntimeKeys.SECTIONS) {
            List<RuntimeKeys.Entry> entries = RuntimeKeys.of(spec.name());
            if (entries.isEmpty()) {
                continue;
            }
            py.append("\n\n").append(spec.name().toUpperCase(Locale.ROOT)).append(": dict[str, KeySpec] = {\n");
            for (RuntimeKeys.Entry e : entries) {
                py.append("    ").append(str(e.name())).append(": KeySpec(").append(specArgs(e)).append("),\n");
            }
            py.append("}\n");
        }
        for (var spec : RuntimeKeys.SECTIONS) {
            List<RuntimeKeys.Entry> entries = RuntimeKeys.of(spec.name());
            if (entries.isEmpty()) {
                continue;
            }
            py.append("\n\n@dataclass(frozen=True)\n")
                    .append("class ").append(className(spec.name())).append(":\n")
                    .append("    \"\"\"``").append(spec.name().toUpperCase(Locale.ROOT))
                    .append("`` as typed fields with their defaults.\"\"\"\n\n");
            for (RuntimeKeys.Entry e : entries) {
                py.append("    ").append(e.name()).append(": ").append(annotation(e)).append(" = ")
                        .append(literal(e.key().defaultValue())).append('\n');
            }
        }
        return py.toString();
    }

    static String className(String section) {
        return Character.toUpperCase(section.charAt(0)) + section.substring(1) + "Keys";
    }

    private static String specArgs(RuntimeKeys.Entry e) {
        StringBuilder a = new StringBuilder()
                .append(str(e.section())).append(", ").append(str(e.name())).append(", ").append(str(e.kind()))
                .append(", ").append(literal(e.key().defaultValue()));
        if (e.key().nullable()) {
            a.append(", nullable=True");
        }
        if (e.minimum() != null) {
            a.append(", minimum=").append(literal(e.minimum()));
            if (e.minimumExclusive()) {
                a.append(", minimum_exclusive=True");
            }
        }
        if (e.maximum() != null) {
            a.append(", maximum=").append(literal(e.maximum()));
            if (e.maximumExclusive()) {
                a.append(", maximum_exclusive=True");
            }
        }
        if (!e.choices().isEmpty()) {
            a.append(", choices=(").append(e.choices().stream().map(PythonKeyTable::str).collect(Collectors.joining(", ")))
                    .append(e.choices().size() == 1 ? ",)" : ")");
        }
        return a.append(", doc=").append(str(e.key().doc())).toString();
    }

    private static String annotation(RuntimeKeys.Entry e) {
        String base = switch (e.kind()) {
            case "bool" -> "bool";
            case "int" -> "int";
            case "float" -> "float";
            case "choice" -> "Literal[" + e.choices().stream().map(PythonKeyTable::str).collect(Collectors.joining(", ")) + "]";
            default -> "str";
        };
        return e.key().nullable() || e.key().defaultValue() == null ? "Optional[" + base + "]" : base;
    }

    static String literal(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return Double.toString(d).replace('E', 'e');
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof String s) {
            return str(s);
        }
        throw new IllegalStateException("no Python literal for " + value.getClass().getSimpleName());
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
