package dev.ltx2.schema.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.schema.yaml.YNode;
import dev.ltx2.schema.yaml.YNode.YList;
import dev.ltx2.schema.yaml.YNode.YMap;
import dev.ltx2.schema.yaml.YNode.YScalar;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The type of a config value: how a parsed YAML value becomes a Java value (never by coercion:
 * {@code '10'} is not a number and {@code 10} is not text), its bounds, its summary for the
 * docs table and its JSON Schema.
 */
public sealed interface ValueType<T> {

    /** A converted value, or why the node does not fit. */
    sealed interface Converted<T> {}

    record Ok<T>(T value) implements Converted<T> {}

    record Bad<T>(String message, String fix) implements Converted<T> {}

    Converted<T> convert(YNode node, Binder binder);

    /** For the docs table: {@code float > 0}. */
    String summary();

    void describe(ObjectNode schema);

    JsonNodeFactory JSON = JsonNodeFactory.instance;

    static <T> Bad<T> mismatch(String expected, YNode node, String fix) {
        return new Bad<>("expected " + expected + ", got " + YNode.describe(node), fix);
    }

    /**
     * The fix for text where a number belongs: "remove the quotes" only when the user wrote
     * quotes around something that is a number without them ({@code '30'}); a word such as
     * {@code thirty}, quoted or not, needs digits instead.
     */
    private static String textForNumberFix(YScalar scalar, boolean numberWithoutQuotes, String removeQuotes, String writeDigits) {
        return scalar.quoted() && numberWithoutQuotes ? removeQuotes : writeDigits;
    }

    private static boolean isInteger(String text) {
        return text.strip().matches("[-+]?[0-9]+");
    }

    private static boolean isNumber(String text) {
        return text.strip().matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)");
    }

    record BoolType() implements ValueType<Boolean> {
        @Override
        public Converted<Boolean> convert(YNode node, Binder binder) {
            if (node instanceof YScalar s && s.value() instanceof Boolean b) {
                return new Ok<>(b);
            }
            return mismatch("true or false", node, "write true or false (unquoted)");
        }

        @Override
        public String summary() {
            return "bool";
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "boolean");
        }
    }

    /** An integer within bounds; {@code multipleOf} (or null) is part of the type so the JSON Schema carries it. */
    record IntType(Long min, Long max, Long multipleOf) implements ValueType<Long> {
        public IntType(Long min, Long max) {
            this(min, max, null);
        }

        @Override
        public Converted<Long> convert(YNode node, Binder binder) {
            if (node instanceof YScalar s && s.value() instanceof Long v) {
                if (min != null && v < min || max != null && v > max) {
                    return new Bad<>(v + " is out of range: must be " + bounds(), "use a value " + bounds());
                }
                if (multipleOf != null && v % multipleOf != 0) {
                    long lower = v - Math.floorMod(v, multipleOf);
                    return new Bad<>(v + " is not a multiple of " + multipleOf, "use " + (lower > 0 ? lower + " or " : "")
                            + (lower + multipleOf));
                }
                return new Ok<>(v);
            }
            if (node instanceof YScalar s && s.value() instanceof BigInteger) {
                return new Bad<>(s.text() + " is too large", "use a value " + (bounds().isEmpty() ? "that fits 64 bits" : bounds()));
            }
            if (node instanceof YScalar s && s.value() instanceof Double d) {
                boolean whole = !d.isNaN() && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15;
                return new Bad<>("expected an integer, got the float " + s.text()
                        + " (ai-toolkit's loader reads it as " + d + ", and ai-toolkit needs an int here)",
                        whole ? "write " + (long) (double) d : "write a whole number");
            }
            return mismatch("an integer", node, node instanceof YScalar s && s.value() instanceof String text
                    ? textForNumberFix(s, isInteger(text), "remove the quotes: numbers are not text",
                            "write a whole number in digits, e.g. 30")
                    : "write a whole number");
        }

        String bounds() {
            if (min != null && max != null) {
                return "from " + min + " to " + max;
            }
            if (min != null) {
                return "≥ " + min;
            }
            return max != null ? "≤ " + max : "";
        }

        @Override
        public String summary() {
            return ("int " + bounds() + (multipleOf != null ? ", multiple of " + multipleOf : "")).strip();
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "integer");
            if (min != null) {
                schema.put("minimum", min);
            }
            if (max != null) {
                schema.put("maximum", max);
            }
            if (multipleOf != null) {
                schema.put("multipleOf", multipleOf);
            }
        }
    }

    /** A Python float; integers are accepted as ai-toolkit's arithmetic does. */
    record FloatType(Double min, boolean minExclusive, Double max, boolean maxExclusive) implements ValueType<Double> {
        @Override
        public Converted<Double> convert(YNode node, Binder binder) {
            Double v = null;
            if (node instanceof YScalar s && s.value() instanceof Double d) {
                v = d;
            } else if (node instanceof YScalar s && s.value() instanceof Long l) {
                v = l.doubleValue();
            }
            if (v == null) {
                return mismatch("a number", node, node instanceof YScalar s && s.value() instanceof String text
                        ? textForNumberFix(s, isNumber(text),
                                "remove the quotes: numbers are not text (1e-4 and 0.0001 both work unquoted)",
                                "write a number in digits, e.g. 0.0001 or 1e-4")
                        : "write a number");
            }
            if (v.isNaN()) {
                return new Bad<>(".nan is not a usable value", "write a number");
            }
            if (min != null && (minExclusive ? v <= min : v < min) || max != null && (maxExclusive ? v >= max : v > max)) {
                return new Bad<>(((YScalar) node).text() + " is out of range: must be " + bounds(), "use a value " + bounds());
            }
            if (v.isInfinite()) {
                return new Bad<>(((YScalar) node).text() + " is not finite", "write a finite number");
            }
            return new Ok<>(v);
        }

        String bounds() {
            String lo = min == null ? null : (minExclusive ? "> " : "≥ ") + fmt(min);
            String hi = max == null ? null : (maxExclusive ? "< " : "≤ ") + fmt(max);
            if (lo != null && hi != null) {
                return lo + " and " + hi;
            }
            return lo != null ? lo : hi != null ? hi : "";
        }

        @Override
        public String summary() {
            return ("float " + bounds()).strip();
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "number");
            if (min != null) {
                schema.put(minExclusive ? "exclusiveMinimum" : "minimum", min);
            }
            if (max != null) {
                schema.put(maxExclusive ? "exclusiveMaximum" : "maximum", max);
            }
        }

        static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    record TextType(boolean nonEmpty) implements ValueType<String> {
        @Override
        public Converted<String> convert(YNode node, Binder binder) {
            if (node instanceof YScalar s && s.value() instanceof String v) {
                if (nonEmpty && v.isBlank()) {
                    return new Bad<>("must not be empty", "write a value");
                }
                return new Ok<>(v);
            }
            return mismatch("text", node, node instanceof YScalar s
                    ? "quote it: \"" + s.text() + "\" (unquoted it is not text to ai-toolkit's loader)" : "write a string");
        }

        @Override
        public String summary() {
            return "string";
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "string");
            if (nonEmpty) {
                schema.put("minLength", 1);
            }
        }
    }

    /**
     * One of fixed names. {@code rejected} names exist upstream but do not work here; their
     * explanation is the message.
     */
    record ChoiceType(List<String> values, boolean ignoreCase, Map<String, String> rejected) implements ValueType<String> {
        @Override
        public Converted<String> convert(YNode node, Binder binder) {
            if (!(node instanceof YScalar s && s.value() instanceof String v)) {
                return mismatch("one of " + String.join(", ", values), node, "write one of: " + String.join(", ", values));
            }
            String key = ignoreCase ? v.toLowerCase(Locale.ROOT) : v;
            if (values.contains(key)) {
                return new Ok<>(v);
            }
            String why = rejected.get(key);
            if (why != null) {
                return new Bad<>("'" + v + "': " + why, "use one of: " + String.join(", ", values));
            }
            Optional<String> close = Suggest.closest(key, values);
            return new Bad<>("'" + v + "' is not one of: " + String.join(", ", values),
                    close.map(c -> "did you mean '" + c + "'?").orElse("use one of: " + String.join(", ", values)));
        }

        @Override
        public String summary() {
            return "one of `" + String.join("`, `", values) + "`";
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "string");
            if (!ignoreCase) {
                ArrayNode e = schema.putArray("enum");
                values.forEach(e::add);
                return;
            }
            // JSON Schema regexes have no flags: spell each letter as [xX]
            StringBuilder p = new StringBuilder("^(?:");
            for (int i = 0; i < values.size(); i++) {
                p.append(i == 0 ? "" : "|");
                for (char c : values.get(i).toCharArray()) {
                    if (Character.isLetter(c)) {
                        p.append('[').append(Character.toLowerCase(c)).append(Character.toUpperCase(c)).append(']');
                    } else {
                        p.append(Character.isDigit(c) || c == '_' ? "" : "\\").append(c);
                    }
                }
            }
            schema.put("pattern", p.append(")$").toString());
        }
    }

    /** A filesystem path (or hub id for models); existence is checked by {@code PathRules}. */
    record PathType(PathKind kind) implements ValueType<String> {
        @Override
        public Converted<String> convert(YNode node, Binder binder) {
            if (node instanceof YScalar s && s.value() instanceof String v) {
                if (v.isBlank()) {
                    return new Bad<>("the path is empty", "write a path, or remove the key");
                }
                return new Ok<>(v);
            }
            return mismatch("a path", node, "write the path as text");
        }

        @Override
        public String summary() {
            return kind.summary();
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "string");
            schema.put("minLength", 1);
        }
    }

    /** A list; with {@code singleAllowed}, a lone value stands for a one-item list (as upstream accepts). */
    record ListType<E>(ValueType<E> element, int minItems, boolean singleAllowed) implements ValueType<List<E>> {
        @Override
        public Converted<List<E>> convert(YNode node, Binder binder) {
            List<YNode> items;
            if (node instanceof YList list) {
                items = list.items();
            } else if (singleAllowed && node instanceof YScalar s && !s.isNull()) {
                items = List.of(node);
            } else {
                return mismatch("a list" + (singleAllowed ? " or a single " + element.summary() : ""), node,
                        "write a YAML list: [a, b] or one '- item' per line");
            }
            if (items.size() < minItems) {
                return new Bad<>("needs at least " + minItems + " item" + (minItems == 1 ? "" : "s"), "add an item");
            }
            List<E> out = new ArrayList<>(items.size());
            boolean ok = true;
            for (YNode item : items) {
                Converted<E> c = element.convert(item, binder);
                if (c instanceof Ok<E> good) {
                    out.add(good.value());
                } else {
                    binder.report(item, item.path(), (Bad<E>) c);
                    ok = false;
                }
            }
            return ok ? new Ok<>(List.copyOf(out)) : new Bad<>(null, null);
        }

        @Override
        public String summary() {
            return "list of " + element.summary() + (singleAllowed ? " (or one)" : "");
        }

        @Override
        public void describe(ObjectNode schema) {
            ObjectNode arr = JSON.objectNode();
            arr.put("type", "array");
            ObjectNode items = arr.putObject("items");
            element.describe(items);
            if (minItems > 0) {
                arr.put("minItems", minItems);
            }
            if (singleAllowed) {
                ObjectNode single = JSON.objectNode();
                element.describe(single);
                schema.putArray("anyOf").add(single).add(arr);
            } else {
                schema.setAll(arr);
            }
        }
    }

    /** A free-form mapping passed through to a Python constructor (its keys are checked by rules). */
    record MapType() implements ValueType<Map<String, Object>> {
        @Override
        public Converted<Map<String, Object>> convert(YNode node, Binder binder) {
            if (node instanceof YMap map) {
                Map<String, Object> out = new LinkedHashMap<>();
                map.entries().forEach(e -> out.put(e.key(), plain(e.value())));
                return new Ok<>(out);
            }
            return mismatch("a mapping", node, "write key: value pairs, or {} for none");
        }

        @Override
        public String summary() {
            return "mapping";
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("type", "object");
        }
    }

    /** Any YAML value (passed through untouched). */
    record AnyType() implements ValueType<Object> {
        @Override
        public Converted<Object> convert(YNode node, Binder binder) {
            return new Ok<>(plain(node));
        }

        @Override
        public String summary() {
            return "any";
        }

        @Override
        public void describe(ObjectNode schema) {
            // no constraint
        }
    }

    /** A nested section with its own keys; {@code spec} is resolved lazily to allow forward references. */
    record SectionType(Supplier<SectionSpec> spec) implements ValueType<Section> {
        @Override
        public Converted<Section> convert(YNode node, Binder binder) {
            if (!(node instanceof YMap)) {
                return mismatch("a mapping (the " + spec.get().name() + " section)", node,
                        "write the section's keys indented under it");
            }
            return new Ok<>(binder.bind(spec.get(), node));
        }

        @Override
        public String summary() {
            return "section `" + spec.get().name() + "`";
        }

        @Override
        public void describe(ObjectNode schema) {
            schema.put("$ref", "#/definitions/" + spec.get().name());
        }
    }

    /** Converts a parsed node to plain Java values (Map, List, scalars) for free-form mappings. */
    static Object plain(YNode node) {
        if (node instanceof YScalar s) {
            return s.value();
        }
        if (node instanceof YList l) {
            return l.items().stream().map(ValueType::plain).toList();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        ((YMap) node).entries().forEach(e -> m.put(e.key(), plain(e.value())));
        return m;
    }
}
