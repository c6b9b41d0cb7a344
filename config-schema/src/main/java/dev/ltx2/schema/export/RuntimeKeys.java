package dev.ltx2.schema.export;

import dev.ltx2.schema.model.NetworkConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Relevance;
import dev.ltx2.schema.spec.SectionSpec;
import dev.ltx2.schema.spec.ValueType;
import java.util.ArrayList;
import java.util.List;
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

        public Double minimum() {
            if (key.type() instanceof ValueType.FloatType f) {
                return f.min();
            }
            return key.type() instanceof ValueType.IntType i && i.min() != null ? i.min().doubleValue() : null;
        }

        public boolean minimumExclusive() {
            return key.type() instanceof ValueType.FloatType f && f.minExclusive();
        }

        public Double maximum() {
            if (key.type() instanceof ValueType.FloatType f) {
                return f.max();
            }
            return key.type() instanceof ValueType.IntType i && i.max() != null ? i.max().doubleValue() : null;
        }

        public boolean maximumExclusive() {
            return key.type() instanceof ValueType.FloatType f && f.maxExclusive();
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
