package dev.ltx2.schema.yaml;

import dev.ltx2.schema.Findings;
import dev.ltx2.schema.yaml.YNode.YEntry;
import dev.ltx2.schema.yaml.YNode.YList;
import dev.ltx2.schema.yaml.YNode.YMap;
import dev.ltx2.schema.yaml.YNode.YScalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a config file into a {@link YNode} tree with positions, refusing hostile input early
 * and with bounded memory: files over {@link #MAX_BYTES}, nesting deeper than {@link #MAX_DEPTH},
 * more than {@link #MAX_ALIASES} aliases to collections, or more than {@link #MAX_VALUES} values
 * after alias expansion (the "billion laughs"). A job config is a few KB, 8 levels deep.
 */
public final class SafeYamlReader {
    public static final int MAX_BYTES = 1 << 20;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_ALIASES = 50;
    public static final int MAX_VALUES = 100_000;

    private SafeYamlReader() {}

    /** The file's text, or empty after reporting why it cannot be read. */
    public static Optional<String> readText(Path file, Findings findings) {
        if (!Files.exists(file)) {
            findings.error(Position.START, "", "the config file does not exist", "check the path");
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            findings.error(Position.START, "", "the config path is not a regular file", "pass a .yaml, .yml or .json file");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            findings.error(Position.START, "", "cannot read the config: " + e.getMessage(), "check the file's permissions");
            return Optional.empty();
        }
        if (bytes.length > MAX_BYTES) {
            long size = sizeOf(file);
            findings.error(Position.START, "", "the file is " + (size > 0 ? humanBytes(size) : "over 1 MiB")
                    + "; a job config is a few KB and this validator reads at most 1 MiB",
                    "pass the job config (YAML or JSON), not a dataset or a weights file");
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            findings.error(Position.START, "", "the file is not valid UTF-8 (ai-toolkit reads configs as UTF-8)",
                    "save the file as UTF-8");
            return Optional.empty();
        }
    }

    /** Parses one YAML (or JSON) document; empty after reporting syntax errors or limits. */
    public static Optional<YNode> parse(SourceText source, Findings findings) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES * 2);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Node root;
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(source.text()), options),
                    new PyYamlResolver(), options);
            root = composer.getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? Position.START : source.position(mark.getLine(), mark.getColumn());
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            findings.error(at, "", "YAML syntax: " + e.getProblem() + context,
                    "fix the YAML at this point: indentation, a missing ':' or an unclosed quote or bracket");
            return Optional.empty();
        } catch (YAMLException e) {
            reportLimit(e.getMessage(), findings);
            return Optional.empty();
        } catch (StackOverflowError e) {
            reportLimit("Nesting Depth", findings);
            return Optional.empty();
        }
        if (root == null) {
            findings.error(Position.START, "", "the file is empty", "start from examples/demo/character.yaml");
            return Optional.empty();
        }
        try {
            return Optional.of(new TreeBuilder(source, findings).build(root, "", 0));
        } catch (LimitExceeded e) {
            findings.error(Position.START, "", e.getMessage(), e.fix);
            return Optional.empty();
        }
    }

    private static void reportLimit(String message, Findings findings) {
        String m = message == null ? "" : message;
        if (m.contains("Nesting Depth")) {
            findings.error(Position.START, "", "the YAML nests more than " + MAX_DEPTH
                    + " levels deep; a job config needs fewer than 10", "flatten the file; it is not a job config");
        } else if (m.contains("aliases")) {
            findings.error(Position.START, "", "the YAML uses more than " + MAX_ALIASES
                    + " aliases to lists or mappings (an alias bomb such as 'billion laughs'?)",
                    "write the values out instead of repeating aliases");
        } else if (m.contains("code points")) {
            findings.error(Position.START, "", "the file is too large for a job config (limit 1 MiB)",
                    "pass the job config (YAML or JSON)");
        } else {
            findings.error(Position.START, "", "YAML: " + m, "fix the YAML");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String humanBytes(long n) {
        return n >= 1 << 20 ? (n >> 20) + " MiB" : (n >> 10) + " KiB";
    }

    private static final class LimitExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String fix;

        LimitExceeded(String message, String fix) {
            super(message, null, false, false);
            this.fix = fix;
        }
    }

    /** Converts SnakeYAML nodes, expanding aliases and merge keys within the value budget. */
    private static final class TreeBuilder {
        private final SourceText source;
        private final Findings findings;
        private int values;

        TreeBuilder(SourceText source, Findings findings) {
            this.source = source;
            this.findings = findings;
        }

        YNode build(Node node, String path, int depth) {
            if (++values > MAX_VALUES) {
                throw new LimitExceeded("the YAML expands to more than " + MAX_VALUES
                        + " values through aliases (an alias bomb such as 'billion laughs'?)",
                        "write the values out instead of nesting aliases");
            }
            if (depth > MAX_DEPTH) {
                throw new LimitExceeded("the YAML nests more than " + MAX_DEPTH
                        + " levels deep (through aliases); a job config needs fewer than 10",
                        "remove the recursive alias");
            }
            Position at = position(node.getStartMark());
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar, path, at);
            }
            if (node instanceof SequenceNode seq) {
                List<YNode> items = new ArrayList<>(seq.getValue().size());
                for (Node item : seq.getValue()) {
                    items.add(build(item, path + "[" + items.size() + "]", depth + 1));
                }
                return new YList(at, path, List.copyOf(items));
            }
            return mapping((MappingNode) node, path, at, depth);
        }

        private YScalar scalar(ScalarNode node, String path, Position at) {
            Scalars.Reading reading = Scalars.read(node.getTag(), node.getValue(), node.isPlain());
            if (reading instanceof Scalars.Trap trap) {
                findings.error(at, path, trap.message(), trap.fix());
                return new YScalar(at, path, node.getValue(), node.getValue(), true, !node.isPlain());
            }
            return new YScalar(at, path, ((Scalars.Value) reading).value(), node.getValue(), false, !node.isPlain());
        }

        private YMap mapping(MappingNode node, String path, Position at, int depth) {
            Map<String, YEntry> explicit = new LinkedHashMap<>();
            Map<String, YEntry> merged = new LinkedHashMap<>();
            Map<String, Position> firstSeen = new HashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                Position keyAt = position(keyNode.getStartMark());
                if (!(keyNode instanceof ScalarNode keyScalar)) {
                    findings.error(keyAt, path, "a key must be text, not a list or mapping", "write a plain key");
                    continue;
                }
                if (Tag.MERGE.equals(keyScalar.getTag()) && keyScalar.isPlain()) {
                    merge(tuple.getValueNode(), path, depth, merged);
                    continue;
                }
                Scalars.Reading reading = Scalars.read(keyScalar.getTag(), keyScalar.getValue(), keyScalar.isPlain());
                String keyText = keyScalar.getValue();
                if (reading instanceof Scalars.Value v && !(v.value() instanceof String)) {
                    findings.error(keyAt, join(path, keyText), "ai-toolkit's loader reads the key '" + keyText + "' as "
                            + YNode.describe(new YScalar(keyAt, path, v.value(), keyText)) + ", not as text",
                            "quote the key: \"" + keyText + "\"");
                } else if (reading instanceof Scalars.Trap trap) {
                    findings.error(keyAt, join(path, keyText), "key: " + trap.message(), "quote the key: \"" + keyText + "\"");
                }
                Position first = firstSeen.putIfAbsent(keyText, keyAt);
                if (first != null) {
                    findings.error(keyAt, join(path, keyText), "duplicate key '" + keyText + "' (first at line "
                            + first.line() + "); ai-toolkit's loader would silently keep only this last one",
                            "remove one of the two");
                }
                String childPath = join(path, keyText);
                explicit.put(keyText, new YEntry(keyText, keyAt, build(tuple.getValueNode(), childPath, depth + 1)));
            }
            List<YEntry> entries = new ArrayList<>();
            merged.forEach((k, e) -> {
                if (!explicit.containsKey(k)) {
                    entries.add(e);
                }
            });
            entries.addAll(explicit.values());
            return new YMap(at, path, List.copyOf(entries));
        }

        /** PyYAML's flatten_mapping: earlier merge sources win over later ones; explicit keys win over all. */
        private void merge(Node value, String path, int depth, Map<String, YEntry> into) {
            List<Node> sources = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
            for (Node source : sources) {
                if (!(source instanceof MappingNode)) {
                    findings.error(position(source.getStartMark()), path,
                            "a merge key '<<' takes a mapping or a list of mappings", "merge an anchored mapping: <<: *base");
                    continue;
                }
                YMap map = mapping((MappingNode) source, path, position(source.getStartMark()), depth + 1);
                for (YEntry e : map.entries()) {
                    into.putIfAbsent(e.key(), e);
                }
            }
        }

        private Position position(Mark mark) {
            return mark == null ? Position.START : source.position(mark.getLine(), mark.getColumn());
        }

        private static String join(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }
}
