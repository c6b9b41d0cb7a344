package dev.ltx2.schema.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.schema.yaml.YNode.YList;
import dev.ltx2.schema.yaml.YNode.YMap;
import dev.ltx2.schema.yaml.YNode.YScalar;
import java.math.BigInteger;

/** The parsed job as JSON: exactly the values Python's loader would produce, handed to ai-toolkit. */
public final class JsonTree {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonTree() {}

    public static JsonNode of(YNode node) {
        if (node instanceof YMap m) {
            ObjectNode o = F.objectNode();
            m.entries().forEach(e -> o.set(e.key(), of(e.value())));
            return o;
        }
        if (node instanceof YList l) {
            var a = F.arrayNode();
            l.items().forEach(i -> a.add(of(i)));
            return a;
        }
        return scalar(((YScalar) node).value());
    }

    /** A resolved YAML scalar (null, Boolean, Long, BigInteger, Double, String) as JSON; null for any other type. */
    public static JsonNode scalar(Object v) {
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof BigInteger b) {
            return F.numberNode(b);
        }
        if (v instanceof Double d) {
            return F.numberNode(d);
        }
        return v instanceof String s ? F.textNode(s) : null;
    }
}
