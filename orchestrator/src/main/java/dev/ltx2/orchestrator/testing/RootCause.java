package dev.ltx2.orchestrator.testing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The line a failure is summarised by: the innermost exception of its trace, then the message
 * it was reported as. A wrapper's message rarely says what went wrong ("Can't get Docker
 * image: ..."); the innermost cause does ("UnknownHostException: registry-1.docker.io").
 */
public final class RootCause {
    /** Python prints a chain innermost first, each link followed by one of these lines. */
    private static final Pattern PYTHON_CHAIN = Pattern.compile(
            "\\n\\s*(?:The above exception was the direct cause of the following exception:"
                    + "|During handling of the above exception, another exception occurred:)\\s*\\n");
    private static final String JAVA_CAUSE = "Caused by: ";
    private static final int OUTER_LIMIT = 100;

    private RootCause() {}

    /**
     * The innermost exception of a trace, or empty when it has no chain. Java traces end their
     * chain with the last unindented "Caused by:" (indented ones belong to suppressed
     * exceptions); Python traces start with it, before the first "direct cause" line, where
     * pytest marks the exception's own line with "E ".
     */
    public static Optional<String> of(String trace) {
        List<String> causes = trace.lines().filter(l -> l.startsWith(JAVA_CAUSE)).toList();
        if (!causes.isEmpty()) {
            return Optional.of(causes.get(causes.size() - 1).substring(JAVA_CAUSE.length()).strip());
        }
        // -1 keeps a trailing empty section: a trace that ends with the chain line is a chain too
        String[] sections = PYTHON_CHAIN.split(trace, -1);
        if (sections.length < 2) {
            return Optional.empty();
        }
        List<String> innermost = sections[0].strip().lines().toList();
        return innermost.stream().filter(l -> l.startsWith("E ")).map(l -> l.substring(1).strip()).findFirst()
                .or(() -> innermost.isEmpty() ? Optional.empty() : Optional.of(innermost.get(innermost.size() - 1).strip()));
    }

    /**
     * The root cause first, then the outermost message (cut at 100 characters) when it adds
     * something; the outermost message alone when there is no chain or it already names the cause.
     */
    public static String failureLine(String outer, String trace) {
        Optional<String> root = of(trace);
        if (root.isEmpty() || outer.contains(root.get())) {
            return outer;
        }
        return root.get() + " (reported as: " + cut(outer) + ")";
    }

    private static String cut(String s) {
        if (s.codePointCount(0, s.length()) <= OUTER_LIMIT) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, OUTER_LIMIT)) + "...";
    }
}
