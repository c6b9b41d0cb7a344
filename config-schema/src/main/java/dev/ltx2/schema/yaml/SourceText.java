package dev.ltx2.schema.yaml;

import dev.ltx2.schema.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A config file's text after ai-toolkit's {@code ${VAR}} substitution, which replaces every
 * match of its pattern in the whole file before parsing (comments included; an unset variable
 * is an error). Keeps the map from the substituted text back to the original, so every
 * diagnostic points at what the user wrote.
 */
public final class SourceText {
    /** The pattern of {@code toolkit/config.py:replace_env_vars_in_string}. */
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([^}]+)}");

    private record Replacement(int textStart, int textEnd, int originalStart, int originalEnd) {}

    private final String original;
    private final String text;
    private final List<Replacement> replacements;
    private final int[] originalLineStarts;
    private final int[] textLineStarts;

    private SourceText(String original, String text, List<Replacement> replacements) {
        this.original = original;
        this.text = text;
        this.replacements = replacements;
        this.originalLineStarts = lineStarts(original);
        this.textLineStarts = lineStarts(text);
    }

    public static SourceText substitute(String original, Map<String, String> env, Findings findings) {
        List<Replacement> replacements = new ArrayList<>();
        StringBuilder out = new StringBuilder(original.length());
        Matcher m = ENV_VAR.matcher(original);
        int last = 0;
        List<int[]> unset = new ArrayList<>();
        while (m.find()) {
            out.append(original, last, m.start());
            String value = env.get(m.group(1));
            if (value == null) {
                unset.add(new int[] {m.start(), m.end()});
                value = m.group();
            }
            int textStart = out.length();
            out.append(value);
            replacements.add(new Replacement(textStart, out.length(), m.start(), m.end()));
            last = m.end();
        }
        out.append(original, last, original.length());
        SourceText source = new SourceText(original, out.toString(), List.copyOf(replacements));
        for (int[] span : unset) {
            String name = original.substring(span[0] + 2, span[1] - 1);
            findings.error(source.originalPosition(span[0]), "",
                    "environment variable " + name + " is not set",
                    "export " + name + ", or replace ${" + name + "} with a value "
                            + "(ai-toolkit substitutes ${...} everywhere in the file, comments included)");
        }
        return source;
    }

    /** The text YAML parses: what ai-toolkit's loader sees. */
    public String text() {
        return text;
    }

    /** Maps a 0-based line and code-point column in {@link #text()} (a YAML mark) to the original file. */
    public Position position(int textLine, int textColumn) {
        int lineIndex = Math.max(0, Math.min(textLine, textLineStarts.length - 1));
        int offset = text.offsetByCodePoints(textLineStarts[lineIndex],
                Math.min(textColumn, text.codePointCount(textLineStarts[lineIndex], lineEnd(text, textLineStarts, lineIndex))));
        return originalPosition(toOriginalOffset(offset));
    }

    private int toOriginalOffset(int textOffset) {
        int originalOffset = textOffset;
        for (Replacement r : replacements) {
            if (r.textStart() > textOffset) {
                break;
            }
            originalOffset = textOffset < r.textEnd()
                    ? r.originalStart()
                    : r.originalEnd() + (textOffset - r.textEnd());
        }
        return originalOffset;
    }

    private Position originalPosition(int offset) {
        int line = lineOf(originalLineStarts, offset);
        int column = original.codePointCount(originalLineStarts[line], Math.min(offset, original.length()));
        return new Position(line + 1, column + 1);
    }

    private static int lineOf(int[] starts, int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static int lineEnd(String s, int[] starts, int line) {
        return line + 1 < starts.length ? starts[line + 1] : s.length();
    }

    /** Line starts as YAML 1.1 counts lines: LF, CR, CRLF, NEL, LS and PS each end a line. */
    private static int[] lineStarts(String s) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }
}
