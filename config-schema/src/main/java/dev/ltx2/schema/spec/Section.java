package dev.ltx2.schema.spec;

import dev.ltx2.schema.yaml.Position;
import dev.ltx2.schema.yaml.YNode;
import java.util.Map;

/**
 * A section's values after binding: what was written (with positions) and, for everything
 * else, the defaults. Typed access goes through {@link Key}s: {@code train.get(TrainConfig.LR)}.
 *
 * @param position where the section is written (its parent's position when absent)
 * @param values the keys written and successfully converted
 */
public record Section(SectionSpec spec, String path, Position position, boolean present, Map<String, Bound> values) {

    /** A written value and where. */
    public record Bound(Object value, YNode node, Position keyPosition) {}

    public static Section absent(SectionSpec spec, String path, Position parentPosition) {
        return new Section(spec, path, parentPosition, false, Map.of());
    }

    /** The written value, or the key's default (null for "None" and for computed defaults). */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        Bound b = values.get(key.name());
        return b == null ? key.defaultValue() : (T) b.value();
    }

    /** The written value, or {@code fallback} when absent (for defaults computed from other keys). */
    public <T> T getOr(Key<T> key, T fallback) {
        return isSet(key) ? get(key) : fallback;
    }

    /** Whether the key is written (with a value that converted; explicit nulls count). */
    public boolean isSet(Key<?> key) {
        return values.containsKey(key.name());
    }

    /** Where to point a diagnostic about the key: its value when written, else the section. */
    public Position at(Key<?> key) {
        Bound b = values.get(key.name());
        return b == null ? position : b.node().position();
    }

    public String pathOf(Key<?> key) {
        return path.isEmpty() ? key.name() : path + "." + key.name();
    }

    public YNode node(Key<?> key) {
        Bound b = values.get(key.name());
        return b == null ? null : b.node();
    }
}
