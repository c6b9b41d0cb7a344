package dev.ltx2.schema.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one config section ({@code train}, {@code network}, a {@code datasets[]} item...).
 *
 * @param name the definition name in the JSON Schema and the docs anchor
 * @param where where the section sits in a job file, for the docs ({@code config.process[].train})
 */
public record SectionSpec(String name, String where, String doc, List<Key<?>> keys) {

    public SectionSpec {
        keys = List.copyOf(keys);
        Map<String, Key<?>> seen = new LinkedHashMap<>();
        for (Key<?> k : keys) {
            if (seen.put(k.name(), k) != null) {
                throw new IllegalStateException("duplicate key " + k.name() + " in " + name);
            }
        }
    }

    public Key<?> key(String keyName) {
        for (Key<?> k : keys) {
            if (k.name().equals(keyName)) {
                return k;
            }
        }
        return null;
    }

    public List<String> keyNames() {
        return keys.stream().map(Key::name).toList();
    }
}
