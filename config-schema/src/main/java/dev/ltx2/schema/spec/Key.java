package dev.ltx2.schema.spec;

import dev.ltx2.schema.spec.ValueType.ChoiceType;
import dev.ltx2.schema.spec.ValueType.FloatType;
import dev.ltx2.schema.spec.ValueType.IntType;
import java.util.List;
import java.util.Map;

/**
 * One config key: its type and bounds, its default (what ai-toolkit uses when the key is
 * absent), a one-line description, and how it relates to LTX-2. The JSON Schema, the docs
 * table and the validator are all generated from these.
 *
 * @param defaultValue the value when absent; null when the default is "None" or computed
 * @param defaultText the default as shown in the docs (e.g. {@code = lr}), or null to print defaultValue
 * @param nullable whether an explicit {@code null} is accepted (keys whose upstream default is None)
 * @param whenSet a warning printed whenever the key is written, or null
 */
public record Key<T>(String name, ValueType<T> type, T defaultValue, String defaultText, boolean nullable,
                     boolean required, Relevance relevance, String doc, String whenSet) {

    public static Key<Boolean> bool(String name, boolean def, String doc) {
        return new Key<>(name, new ValueType.BoolType(), def, null, false, false, Relevance.LTX2, doc, null);
    }

    /** A tri-state boolean: unset (null) has its own meaning, given by {@code shown}. */
    public static Key<Boolean> optionalBool(String name, String shown, String doc) {
        return new Key<>(name, new ValueType.BoolType(), null, shown, true, false, Relevance.LTX2, doc, null);
    }

    public static Key<Long> integer(String name, long def, String doc) {
        return new Key<>(name, new IntType(null, null), def, null, false, false, Relevance.LTX2, doc, null);
    }

    public static Key<Double> number(String name, double def, String doc) {
        return new Key<>(name, new FloatType(null, false, null, false), def, null, false, false, Relevance.LTX2, doc, null);
    }

    /** A number whose upstream default is None (null accepted, meaning off). */
    public static Key<Double> optionalNumber(String name, String doc) {
        return new Key<>(name, new FloatType(null, false, null, false), null, "null", true, false, Relevance.LTX2, doc, null);
    }

    /** An integer whose upstream default is None. */
    public static Key<Long> optionalInteger(String name, String doc) {
        return new Key<>(name, new IntType(null, null), null, "null", true, false, Relevance.LTX2, doc, null);
    }

    /** A number whose default is computed from another key ({@code shown}, e.g. "= lr"). */
    public static Key<Double> derivedNumber(String name, String shown, String doc) {
        return new Key<>(name, new FloatType(null, false, null, false), null, shown, false, false, Relevance.LTX2, doc, null);
    }

    public static Key<String> text(String name, String def, String doc) {
        return new Key<>(name, new ValueType.TextType(false), def, null, def == null, false, Relevance.LTX2, doc, null);
    }

    public static Key<String> choice(String name, String def, String doc, String... values) {
        return new Key<>(name, new ChoiceType(List.of(values), false, Map.of()), def, null, false, false,
                Relevance.LTX2, doc, null);
    }

    public static Key<String> path(String name, PathKind kind, String doc) {
        return new Key<>(name, new ValueType.PathType(kind), null, null, true, false, Relevance.LTX2, doc, null);
    }

    public static Key<Map<String, Object>> map(String name, String doc) {
        return new Key<>(name, new ValueType.MapType(), Map.of(), "{}", false, false, Relevance.LTX2, doc, null);
    }

    public static Key<Object> any(String name, String defaultText, String doc) {
        return new Key<>(name, new ValueType.AnyType(), null, defaultText, true, false, Relevance.LTX2, doc, null);
    }

    public static <E> Key<List<E>> list(String name, ValueType<E> element, String doc) {
        return new Key<>(name, new ValueType.ListType<>(element, 0, false), List.of(), "[]", false, false,
                Relevance.LTX2, doc, null);
    }

    public static Key<Section> section(String name, java.util.function.Supplier<SectionSpec> spec, String doc) {
        return new Key<>(name, new ValueType.SectionType(spec), null, "{}", false, false, Relevance.LTX2, doc, null);
    }

    public static Key<List<Section>> sections(String name, java.util.function.Supplier<SectionSpec> spec, String doc) {
        return new Key<>(name, new ValueType.ListType<>(new ValueType.SectionType(spec), 0, false), List.of(), "[]",
                false, false, Relevance.LTX2, doc, null);
    }

    // ---- refinements; each returns a copy ----

    public Key<T> orNull() {
        return new Key<>(name, type, defaultValue, defaultText, true, required, relevance, doc, whenSet);
    }

    public Key<T> mandatory() {
        return new Key<>(name, type, defaultValue, "required", false, true, relevance, doc, whenSet);
    }

    public Key<T> defaultShown(String text) {
        return new Key<>(name, type, defaultValue, text, nullable, required, relevance, doc, whenSet);
    }

    public Key<T> fork() {
        return new Key<>(name, type, defaultValue, defaultText, nullable, required, Relevance.FORK, doc, whenSet);
    }

    public Key<T> otherModels() {
        return new Key<>(name, type, defaultValue, defaultText, nullable, required, Relevance.OTHER_MODELS, doc, whenSet);
    }

    public Key<T> warnWhenSet(String warning) {
        return new Key<>(name, type, defaultValue, defaultText, nullable, required, relevance, doc, warning);
    }

    public Key<T> withType(ValueType<T> newType) {
        return new Key<>(name, newType, defaultValue, defaultText, nullable, required, relevance, doc, whenSet);
    }

    /** A list that must not be empty. */
    @SuppressWarnings("unchecked")
    public Key<T> nonEmpty() {
        ValueType.ListType<?> l = (ValueType.ListType<?>) type;
        return withType((ValueType<T>) new ValueType.ListType<>(l.element(), 1, l.singleAllowed()));
    }

    /** Inclusive lower bound (ints and floats). */
    public Key<T> atLeast(double min) {
        return bounded(min, false, null, false);
    }

    /** Exclusive lower bound. */
    public Key<T> above(double min) {
        return bounded(min, true, null, false);
    }

    /** Inclusive upper bound. */
    public Key<T> atMost(double max) {
        return bounded(null, false, max, false);
    }

    /** Exclusive upper bound. */
    public Key<T> below(double max) {
        return bounded(null, false, max, true);
    }

    /** Case-insensitive names (ai-toolkit lower-cases them), with upstream names that do not work here. */
    public Key<T> choices(boolean ignoreCase, Map<String, String> rejected) {
        ChoiceType c = (ChoiceType) type;
        @SuppressWarnings("unchecked")
        ValueType<T> t = (ValueType<T>) new ChoiceType(c.values(), ignoreCase, rejected);
        return withType(t);
    }

    @SuppressWarnings("unchecked")
    private Key<T> bounded(Double min, boolean minEx, Double max, boolean maxEx) {
        if (type instanceof FloatType f) {
            return withType((ValueType<T>) new FloatType(min != null ? min : f.min(), min != null ? minEx : f.minExclusive(),
                    max != null ? max : f.max(), max != null ? maxEx : f.maxExclusive()));
        }
        if (type instanceof IntType i) {
            Long lo = min == null ? i.min() : Long.valueOf((long) Math.ceil(minEx ? min + 1 : min));
            Long hi = max == null ? i.max() : Long.valueOf((long) Math.floor(maxEx ? max - 1 : max));
            return withType((ValueType<T>) new IntType(lo, hi, i.multipleOf()));
        }
        throw new IllegalStateException("bounds on a non-numeric key " + name);
    }

    /** The default as the docs show it. */
    public String defaultForDocs() {
        if (defaultText != null) {
            return defaultText;
        }
        if (defaultValue == null) {
            return "null";
        }
        if (defaultValue instanceof Double d) {
            return FloatType.fmt(d).contains(".") || FloatType.fmt(d).contains("E") ? FloatType.fmt(d) : FloatType.fmt(d) + ".0";
        }
        if (defaultValue instanceof String s) {
            return s.isEmpty() ? "\"\"" : s;
        }
        return String.valueOf(defaultValue);
    }
}
