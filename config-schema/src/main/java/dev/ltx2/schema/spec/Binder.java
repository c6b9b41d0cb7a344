package dev.ltx2.schema.spec;

import dev.ltx2.schema.Findings;
import dev.ltx2.schema.spec.Section.Bound;
import dev.ltx2.schema.spec.ValueType.Bad;
import dev.ltx2.schema.spec.ValueType.Converted;
import dev.ltx2.schema.spec.ValueType.Ok;
import dev.ltx2.schema.yaml.YNode;
import dev.ltx2.schema.yaml.YNode.YEntry;
import dev.ltx2.schema.yaml.YNode.YMap;
import dev.ltx2.schema.yaml.YNode.YScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds parsed YAML to sections: every key must be known (else "did you mean"), every value
 * must have its key's type and bounds, required keys must be present. Reports at the exact
 * line and column; never throws on bad input.
 */
public final class Binder {
    private final Findings findings;
    private final List<SectionSpec> allSections;

    public Binder(Findings findings, List<SectionSpec> allSections) {
        this.findings = findings;
        this.allSections = allSections;
    }

    public Findings findings() {
        return findings;
    }

    public Section bind(SectionSpec spec, YNode node) {
        if (!(node instanceof YMap map)) {
            findings.error(node.position(), node.path(), "expected a mapping for " + spec.where() + ", got "
                    + YNode.describe(node), "write the section's keys indented under it");
            return Section.absent(spec, node.path(), node.position());
        }
        Map<String, Bound> values = new LinkedHashMap<>();
        for (YEntry entry : map.entries()) {
            Key<?> key = spec.key(entry.key());
            String keyPath = join(map.path(), entry.key());
            if (key == null) {
                unknown(spec, entry, keyPath);
                continue;
            }
            bindValue(key, entry, keyPath).ifPresent(v -> values.put(key.name(), v));
        }
        for (Key<?> key : spec.keys()) {
            if (key.required() && !values.containsKey(key.name()) && map.entry(key.name()).isEmpty()) {
                findings.error(map.position(), join(map.path(), key.name()), "missing required key '" + key.name()
                        + "' (" + key.doc() + ")", "add " + key.name() + ": under " + spec.where());
            }
        }
        return new Section(spec, map.path(), map.position(), true, Map.copyOf(values));
    }

    private Optional<Bound> bindValue(Key<?> key, YEntry entry, String keyPath) {
        YNode value = entry.value();
        if (value instanceof YScalar s && s.isNull()) {
            if (key.nullable()) {
                return Optional.of(new Bound(null, value, entry.keyPosition()));
            }
            findings.error(value.position(), keyPath, "null is not allowed here: ai-toolkit would receive None instead of "
                    + "the default (" + key.defaultForDocs() + ")", "remove the line to use the default, or write a value");
            return Optional.empty();
        }
        Converted<?> converted = key.type().convert(value, this);
        if (converted instanceof Bad<?> bad) {
            report(value, keyPath, bad);
            return Optional.empty();
        }
        Object v = ((Ok<?>) converted).value();
        if (key.relevance() == Relevance.OTHER_MODELS && !Objects.equals(v, key.defaultValue())) {
            findings.warning(entry.keyPosition(), keyPath, "'" + key.name()
                    + "' has no effect on LTX-2 training (ai-toolkit reads it for other model families)",
                    "remove it");
        }
        if (key.whenSet() != null) {
            findings.warning(entry.keyPosition(), keyPath, key.whenSet(), null);
        }
        return Optional.of(new Bound(v, value, entry.keyPosition()));
    }

    /** Reports a conversion failure, unless it was reported already (a list item, a YAML 1.1 trap). */
    void report(YNode node, String keyPath, Bad<?> bad) {
        boolean trapped = node instanceof YScalar s && s.trapped();
        if (bad.message() != null && !trapped) {
            findings.error(node.position(), keyPath, bad.message(), bad.fix());
        }
    }

    private void unknown(SectionSpec spec, YEntry entry, String keyPath) {
        String name = entry.key();
        Optional<String> close = Suggest.closest(name, spec.keyNames());
        String elsewhere = allSections.stream()
                .filter(s -> s != spec && s.key(name) != null)
                .map(SectionSpec::where)
                .findFirst().orElse(null);
        String fix;
        if (close.isPresent()) {
            fix = "did you mean '" + close.get() + "'?";
        } else if (elsewhere != null) {
            fix = "'" + name + "' belongs under " + elsewhere + "; move it there";
        } else {
            fix = "remove it, or check the spelling against docs/config-reference.md";
        }
        findings.error(entry.keyPosition(), keyPath, "unknown key '" + name + "' in " + spec.where()
                + " (ai-toolkit would silently ignore it)", fix);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
