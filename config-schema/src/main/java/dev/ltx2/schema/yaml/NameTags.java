package dev.ltx2.schema.yaml;

import dev.ltx2.schema.yaml.YNode.YEntry;
import dev.ltx2.schema.yaml.YNode.YList;
import dev.ltx2.schema.yaml.YNode.YMap;
import dev.ltx2.schema.yaml.YNode.YScalar;

/**
 * ai-toolkit's {@code [name]} tag ({@code toolkit/config.py:preprocess_config}): every {@code [name]}
 * in the job is replaced by {@code config.name} after parsing. Done here too, so paths are
 * checked as the trainer will see them.
 */
public final class NameTags {
    public static final String TAG = "[name]";

    private NameTags() {}

    /** The job name, when {@code config.name} is a string. */
    public static String jobName(YNode root) {
        if (root instanceof YMap map) {
            var config = map.entry("config").map(YEntry::value).orElse(null);
            if (config instanceof YMap c) {
                var name = c.entry("name").map(YEntry::value).orElse(null);
                if (name instanceof YScalar s && s.value() instanceof String text) {
                    return text;
                }
            }
        }
        return null;
    }

    public static YNode apply(YNode node, String name) {
        if (name == null) {
            return node;
        }
        if (node instanceof YScalar s) {
            return s.value() instanceof String text && text.contains(TAG)
                    ? new YScalar(s.position(), s.path(), text.replace(TAG, name), s.text(), s.trapped(), s.quoted()) : s;
        }
        if (node instanceof YList l) {
            return new YList(l.position(), l.path(), l.items().stream().map(i -> apply(i, name)).toList());
        }
        YMap m = (YMap) node;
        return new YMap(m.position(), m.path(), m.entries().stream()
                .map(e -> new YEntry(e.key(), e.keyPosition(), apply(e.value(), name))).toList());
    }
}
