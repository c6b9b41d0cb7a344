package dev.ltx2.orchestrator.lora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which stream a module path belongs to, and which KJNodes slider controls it: the rules of
 * {@code stream-rules.json} (next to this class), which {@code ltx2_tools.lora.streams} reads too.
 */
public final class StreamRules {
    static final String RESOURCE = "stream-rules.json";

    /** One rule: what it tests for, and the stream id or slider it names when it matches. */
    private record Rule(String kind, String token, Pattern regex, String result) {
        static Rule of(JsonNode node, String resultField) {
            String result = node.get(resultField).asText();
            if (node.has("contains")) {
                return new Rule("contains", node.get("contains").asText(), null, result);
            }
            if (node.has("name")) {
                return new Rule("name", node.get("name").asText(), null, result);
            }
            return new Rule("regex", null, Pattern.compile(node.get("regex").asText()), result);
        }

        boolean matches(String module) {
            return switch (kind) {
                case "contains" -> module.contains(token);
                case "name" -> hasName(token, module);
                default -> regex.matcher(module).find();
            };
        }
    }

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    private static final Map<String, List<Stream>> GROUPS = new LinkedHashMap<>();
    private static final List<Rule> STREAM_RULES = new ArrayList<>();
    private static final List<Rule> KJNODES_RULES = new ArrayList<>();
    /** The five sliders of KJNodes' LTX2LoraLoaderAdvanced. */
    public static final List<String> KJNODES_GROUPS;

    static {
        JsonNode root;
        try (InputStream in = StreamRules.class.getResourceAsStream(RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + " from the jar", e);
        }
        root.get("streams").forEach(s -> LABELS.put(s.get("id").asText(), s.get("label").asText()));
        List<String> enumIds = Arrays.stream(Stream.values()).map(Stream::id).toList();
        if (!enumIds.equals(List.copyOf(LABELS.keySet()))) {
            throw new IllegalStateException(RESOURCE + " lists the streams " + LABELS.keySet() + "; Stream has " + enumIds);
        }
        root.get("groups").properties().forEach(g -> {
            List<Stream> members = new ArrayList<>();
            g.getValue().forEach(id -> members.add(Stream.byId(id.asText()).orElseThrow()));
            GROUPS.put(g.getKey(), List.copyOf(members));
        });
        root.get("stream_rules").forEach(r -> STREAM_RULES.add(Rule.of(r, "stream")));
        root.get("kjnodes_rules").forEach(r -> KJNODES_RULES.add(Rule.of(r, "group")));
        List<String> sliders = new ArrayList<>();
        root.get("kjnodes_groups").forEach(g -> sliders.add(g.asText()));
        KJNODES_GROUPS = List.copyOf(sliders);
    }

    private StreamRules() {}

    public static Stream classify(String module) {
        for (Rule rule : STREAM_RULES) {
            if (rule.matches(module)) {
                return Stream.byId(rule.result()).orElseThrow();
            }
        }
        return Stream.OTHER;
    }

    public static String kjnodesGroup(String module) {
        for (Rule rule : KJNODES_RULES) {
            if (rule.matches(module)) {
                return rule.result();
            }
        }
        return "other";
    }

    static String label(Stream stream) {
        return LABELS.get(stream.id());
    }

    /** Names that stand for several streams ({@code lora strip --streams audio}). */
    static Map<String, List<Stream>> groups() {
        return GROUPS;
    }

    /** A whole name between separators ("." in the model, "_" in kohya keys). */
    private static boolean hasName(String token, String module) {
        int from = 0;
        while (true) {
            int at = module.indexOf(token, from);
            if (at < 0) {
                return false;
            }
            int end = at + token.length();
            boolean startOk = at == 0 || isSeparator(module.charAt(at - 1));
            boolean endOk = end == module.length() || isSeparator(module.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '_';
    }
}
