package dev.ltx2.schema.export;

import dev.ltx2.schema.model.NetworkConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Relevance;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys the patched fork's runtime reads ({@code ltx2_character}): every key marked
 * {@code .fork()} in the sections the runtime parses, plus the upstream keys it also reads.
 * A new {@code .fork()} key joins the generated Python and UI tables with no edit here.
 */
public final class RuntimeKeys {
    /** The sections whose fork keys the runtime parses, in the order the tables list them. */
    static final List<SectionSpec> SECTIONS = List.of(TrainConfig.SPEC, NetworkConfig.SPEC);

    /** Upstream keys the runtime reads next to the fork's own (A: the audio loss multiplier). */
    static final Set<Key<?>> ALSO_READ = Set.of(TrainConfig.AUDIO_LOSS_MULTIPLIER);

    private RuntimeKeys() {}

    /** One key with the section it sits in, its type unpacked for the generators. */
    public record Entry(String section, Key<?> key) {
        public String name() {
            return key.name();
        }

        /** bool, int, float, choice or text. */
        public String kind() {
            ValueType<?> t = key.type();
            if (t instanceof ValueType.BoolType) {
                return "bool";
            }
            if (t instanceof ValueType.IntType) {
                return "int";
            }
            if (t instanceof ValueType.FloatType) {
                return "float";
            }
            if (t instanceof ValueType.ChoiceType) {
                return "choice";
            }
            if (t instanceof ValueType.TextType) {
                return "text";
            }
            throw new IllegalStateException(section + "." + key.name() + ": the runtime tables hold scalar keys only, not "
                    + t.summary());
        }

        /**
         * What limits the value, in table order, present ones only: {@code minimum},
         * {@code minimum_exclusive}, {@code maximum}, {@code maximum_exclusive} (numbers, as doubles)
         * and {@code choices}; each generator spells the names its language's way.
         */
        public Map<String, Object> constraints() {
            Map<String, Object> c = new LinkedHashMap<>();
            if (key.type() instanceof ValueType.FloatType f) {
                bound(c, "minimum", f.min(), f.minExclusive());
                bound(c, "maximum", f.max(), f.maxExclusive());
            } else if (key.type() instanceof ValueType.IntType i) {
                bound(c, "minimum", i.min() == null ? null : i.min().doubleValue(), false);
                bound(c, "maximum", i.max() == null ? null : i.max().doubleValue(), false);
            }
            if (!choices().isEmpty()) {
                c.put("choices", choices());
            }
            return c;
        }

        private static void bound(Map<String, Object> c, String name, Double value, boolean exclusive) {
            if (value != null) {
                c.put(name, value);
                if (exclusive) {
                    c.put(name + "_exclusive", true);
                }
            }
        }

        public List<String> choices() {
            return key.type() instanceof ValueType.ChoiceType c ? c.values() : List.of();
        }
    }

    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (SectionSpec spec : SECTIONS) {
            for (Key<?> key : spec.keys()) {
                if (key.relevance() == Relevance.FORK || ALSO_READ.contains(key)) {
                    out.add(new Entry(spec.name(), key));
                }
            }
        }
        return out;
    }

    public static List<Entry> of(String section) {
        return all().stream().filter(e -> e.section().equals(section)).toList();
    }
}
