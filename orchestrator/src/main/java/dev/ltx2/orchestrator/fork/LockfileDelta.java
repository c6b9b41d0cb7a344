package dev.ltx2.orchestrator.fork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our changes to a generated npm lockfile ({@code package-lock.json}) kept as data instead of
 * diff hunks: the entries we add, replace or remove relative to upstream's lockfile at the pin.
 * A hunk of a generated file conflicts on every upstream move and nobody can review it; an
 * entry ({@code node_modules/better-sqlite3} at 12.5.0, its tarball and integrity) can be read.
 *
 * <p>A delta is a list of changes, applied in order; each names the place by its path of keys
 * ({@code ["packages", "node_modules/prisma"]}, {@code ["packages", "", "dependencies", "prisma"]}):
 * <ul>
 *   <li>{@code add}: a new key with its value, placed right {@code after} the key named (npm's
 *       order, which is no plain sort; {@code null}: first);</li>
 *   <li>{@code replace}: a new value for a key upstream has, in upstream's place;</li>
 *   <li>{@code remove}: a key upstream has, dropped.</li>
 * </ul>
 * {@code was} (replace, remove) is what the delta was made against: the old value of a string,
 * the {@code version} of a package entry. Applying to a lockfile where it differs (a moved pin)
 * fails with the path, as a patch whose context changed does. Package entries are changed whole;
 * the root entry ({@code packages[""]}: package.json's dependency lists) key by key, so a
 * dependency upstream adds survives.
 *
 * <p>{@link #render(JsonNode)} writes JSON as npm does ({@code JSON.stringify(v, null, 2)} and a
 * newline), so the lockfile rebuilt from upstream's and the delta is byte for byte npm's.
 */
public record LockfileDelta(List<Change> changes) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ABOUT = "Our changes to upstream's lockfile at the pin, applied by fork apply after the series;"
            + " generated from the fork's lockfile, not edited by hand (docs/patches.md, \"Lockfiles\").";

    /** One change at {@code path}; exactly one of add, replace, remove. */
    public record Change(List<String> path, Kind kind, String after, String was, JsonNode value) {
        String where() {
            return String.join(" > ", path.stream().map(k -> k.isEmpty() ? "\"\"" : k).toList());
        }
    }

    public enum Kind { ADD, REPLACE, REMOVE }

    /** A delta that cannot be read or does not fit the lockfile it is applied to. */
    public static final class DeltaException extends Exception {
        DeltaException(String message) {
            super(message);
        }
    }

    /** The delta that turns {@code upstream} into {@code ours}; applying it gives {@code ours} byte for byte. */
    public static LockfileDelta between(JsonNode upstream, JsonNode ours) throws DeltaException {
        if (!upstream.isObject() || !ours.isObject()) {
            throw new DeltaException("a lockfile is a JSON object");
        }
        List<Change> changes = new ArrayList<>();
        diff((ObjectNode) upstream, (ObjectNode) ours, List.of(), changes);
        LockfileDelta delta = new LockfileDelta(List.copyOf(changes));
        if (!render(delta.applyTo(upstream)).equals(render(ours))) {
            throw new DeltaException("the lockfiles differ in the order of keys both have; a delta keeps upstream's order");
        }
        return delta;
    }

    private static void diff(ObjectNode up, ObjectNode ours, List<String> path, List<Change> out) {
        for (Map.Entry<String, JsonNode> e : up.properties()) {
            if (!ours.has(e.getKey())) {
                out.add(new Change(append(path, e.getKey()), Kind.REMOVE, null, summary(e.getValue()), null));
            }
        }
        String previous = null;
        for (Map.Entry<String, JsonNode> e : ours.properties()) {
            List<String> at = append(path, e.getKey());
            JsonNode old = up.get(e.getKey());
            if (old == null) {
                out.add(new Change(at, Kind.ADD, previous, null, e.getValue()));
            } else if (!old.equals(e.getValue())) {
                if (old.isObject() && e.getValue().isObject() && keyByKey(at)) {
                    diff((ObjectNode) old, (ObjectNode) e.getValue(), at, out);
                } else {
                    out.add(new Change(at, Kind.REPLACE, null, summary(old), e.getValue()));
                }
            }
            previous = e.getKey();
        }
    }

    /** The top level, the packages map and the root package entry change key by key; package entries whole. */
    private static boolean keyByKey(List<String> path) {
        return !(path.size() == 2 && path.get(0).equals("packages") && !path.get(1).isEmpty());
    }

    private static String summary(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        JsonNode version = value.isObject() ? value.get("version") : null;
        return version != null && version.isTextual() ? version.textValue() : null;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> at = new ArrayList<>(path);
        at.add(key);
        return List.copyOf(at);
    }

    /** Upstream's lockfile with the changes applied; {@code upstream} itself is not modified. */
    public ObjectNode applyTo(JsonNode upstream) throws DeltaException {
        if (!upstream.isObject()) {
            throw new DeltaException("upstream's lockfile is not a JSON object");
        }
        ObjectNode root = ((ObjectNode) upstream).deepCopy();
        for (Change c : changes) {
            ObjectNode parent = root;
            for (String key : c.path().subList(0, c.path().size() - 1)) {
                JsonNode next = parent.get(key);
                if (next == null || !next.isObject()) {
                    throw new DeltaException(c.where() + ": upstream's lockfile has no object " + key + " on the way");
                }
                parent = (ObjectNode) next;
            }
            String key = c.path().get(c.path().size() - 1);
            JsonNode current = parent.get(key);
            switch (c.kind()) {
                case ADD -> {
                    if (current != null) {
                        throw new DeltaException(c.where() + ": upstream's lockfile has it already; regenerate the delta");
                    }
                    insertAfter(parent, c.after(), key, c.value(), c);
                }
                case REPLACE, REMOVE -> {
                    if (current == null) {
                        throw new DeltaException(c.where() + ": upstream's lockfile lacks it; regenerate the delta");
                    }
                    String now = summary(current);
                    if (c.was() != null && !c.was().equals(now)) {
                        throw new DeltaException(c.where() + ": upstream's lockfile has " + now + ", the delta was made against "
                                + c.was() + "; regenerate the delta");
                    }
                    if (c.kind() == Kind.REPLACE) {
                        parent.set(key, c.value().deepCopy());
                    } else {
                        parent.remove(key);
                    }
                }
            }
        }
        return root;
    }

    private static void insertAfter(ObjectNode parent, String after, String key, JsonNode value, Change c) throws DeltaException {
        if (after != null && !parent.has(after)) {
            throw new DeltaException(c.where() + ": the key it follows, " + after + ", is not in upstream's lockfile; regenerate the delta");
        }
        Map<String, JsonNode> ordered = new LinkedHashMap<>();
        if (after == null) {
            ordered.put(key, value.deepCopy());
        }
        for (Map.Entry<String, JsonNode> e : parent.properties()) {
            ordered.put(e.getKey(), e.getValue());
            if (e.getKey().equals(after)) {
                ordered.put(key, value.deepCopy());
            }
        }
        parent.removeAll();
        parent.setAll(ordered);
    }

    /** Reads a delta in the form {@link #toJson()} writes. */
    public static LockfileDelta parse(String text) throws DeltaException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DeltaException("not JSON: " + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : root.get("changes");
        if (list == null || !list.isArray()) {
            throw new DeltaException("a lockfile delta is an object with a list \"changes\"");
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode c : list) {
            int n = changes.size() + 1;
            JsonNode path = c.get("path");
            if (path == null || !path.isArray() || path.isEmpty()) {
                throw new DeltaException("change " + n + ": \"path\" is a non-empty list of keys");
            }
            List<String> keys = new ArrayList<>();
            for (JsonNode k : path) {
                if (!k.isTextual()) {
                    throw new DeltaException("change " + n + ": \"path\" holds keys (strings) only");
                }
                keys.add(k.textValue());
            }
            int kinds = (c.has("add") ? 1 : 0) + (c.has("replace") ? 1 : 0) + (c.has("remove") ? 1 : 0);
            if (kinds != 1) {
                throw new DeltaException("change " + n + ": exactly one of \"add\", \"replace\", \"remove\"");
            }
            if (c.has("add") && !c.has("after")) {
                throw new DeltaException("change " + n + ": an \"add\" names the key it follows in \"after\" (null: first)");
            }
            Kind kind = c.has("add") ? Kind.ADD : c.has("replace") ? Kind.REPLACE : Kind.REMOVE;
            String after = c.hasNonNull("after") ? c.get("after").asText() : null;
            String was = c.hasNonNull("was") ? c.get("was").asText() : null;
            JsonNode value = kind == Kind.ADD ? c.get("add") : kind == Kind.REPLACE ? c.get("replace") : null;
            changes.add(new Change(List.copyOf(keys), kind, after, was, value));
        }
        return new LockfileDelta(List.copyOf(changes));
    }

    /** The delta as JSON, one change per list item, in npm's layout but for lists of strings on one line ({@code "path"}). */
    public String toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("about", ABOUT);
        ArrayNode list = root.putArray("changes");
        for (Change c : changes) {
            ObjectNode o = list.addObject();
            ArrayNode path = o.putArray("path");
            c.path().forEach(path::add);
            switch (c.kind()) {
                case ADD -> {
                    o.put("after", c.after());
                    o.set("add", c.value());
                }
                case REPLACE -> {
                    if (c.was() != null) {
                        o.put("was", c.was());
                    }
                    o.set("replace", c.value());
                }
                case REMOVE -> {
                    if (c.was() != null) {
                        o.put("was", c.was());
                    }
                    o.put("remove", true);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        write(root, "", true, out);
        return out.append('\n').toString();
    }

    /** Reads a lockfile (or any JSON object), keeping its key order. */
    public static JsonNode read(String text) throws DeltaException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new DeltaException("not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new DeltaException("not JSON: " + e.getOriginalMessage());
        }
    }

    /** JSON as npm writes a lockfile: {@code JSON.stringify(value, null, 2) + "\n"}. */
    public static String render(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, "", false, out);
        return out.append('\n').toString();
    }

    private static void write(JsonNode v, String indent, boolean inlineLists, StringBuilder out) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                out.append("{}");
                return;
            }
            String inner = indent + "  ";
            out.append("{\n");
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                out.append(first ? "" : ",\n").append(inner);
                quote(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), inner, inlineLists, out);
                first = false;
            }
            out.append('\n').append(indent).append('}');
        } else if (v.isArray()) {
            if (v.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean inline = inlineLists;
            for (JsonNode item : v) {
                inline &= item.isValueNode();
            }
            if (inline) {
                out.append('[');
                for (int i = 0; i < v.size(); i++) {
                    out.append(i == 0 ? "" : ", ");
                    write(v.get(i), indent, true, out);
                }
                out.append(']');
                return;
            }
            String inner = indent + "  ";
            out.append("[\n");
            for (int i = 0; i < v.size(); i++) {
                out.append(i == 0 ? "" : ",\n").append(inner);
                write(v.get(i), inner, inlineLists, out);
            }
            out.append('\n').append(indent).append(']');
        } else if (v.isTextual()) {
            quote(v.textValue(), out);
        } else {
            out.append(v.toString()); // numbers, booleans, null: as JSON.stringify writes integers and literals
        }
    }

    /** A string quoted as JSON.stringify quotes it. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean lone = Character.isSurrogate(ch) && !(Character.isHighSurrogate(ch) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))
                            && !(Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (ch < 0x20 || lone) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
