package dev.ltx2.schema.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A parsed config value with where it was written and its key path
 * ({@code config.process[0].train.lr}). Scalars hold the value Python will receive.
 */
public sealed interface YNode permits YNode.YMap, YNode.YList, YNode.YScalar {

    Position position();

    String path();

    /** One {@code key: value} pair; {@code keyPosition} is where the key is written. */
    record YEntry(String key, Position keyPosition, YNode value) {}

    record YMap(Position position, String path, List<YEntry> entries) implements YNode {
        public Optional<YEntry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    record YList(Position position, String path, List<YNode> items) implements YNode {}

    /**
     * @param value null, Boolean, Long, BigInteger, Double or String (as Python receives it)
     * @param text the scalar as written
     * @param trapped a YAML 1.1 reading was already reported for it; no second type error
     * @param quoted written in quotes (or as a block scalar), not plain: a fix can say "remove
     *     the quotes" only when there are quotes
     */
    record YScalar(Position position, String path, Object value, String text, boolean trapped, boolean quoted)
            implements YNode {
        public YScalar(Position position, String path, Object value, String text) {
            this(position, path, value, text, false, false);
        }

        public boolean isNull() {
            return value == null && !trapped;
        }
    }

    /** A short description of what was written, for messages: {@code the string "abc"}. */
    static String describe(YNode node) {
        if (node instanceof YMap) {
            return "a mapping";
        }
        if (node instanceof YList) {
            return "a list";
        }
        Object v = ((YScalar) node).value();
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (v instanceof Double d) {
            return "the float " + ((YScalar) node).text();
        }
        if (v instanceof Number) {
            return "the integer " + v;
        }
        String s = (String) v;
        return "the string \"" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "\"";
    }
}
