package dev.ltx2.schema.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars exactly as ai-toolkit's loader does: PyYAML's {@code SafeLoader}
 * implicit resolvers (YAML 1.1, in PyYAML's order), plus the float resolver that
 * {@code toolkit/config.py} appends so that {@code 1e-4} is a float. So {@code yes} is a
 * boolean, {@code 12:30} the integer 750 and {@code 2026-01-01} a date here too; the
 * binder then rejects those YAML 1.1 readings with an explanation ({@link Scalars}).
 */
public final class PyYamlResolver extends Resolver {
    /** PyYAML's tag for a bare {@code =}; its safe loader has no constructor for it. */
    public static final Tag VALUE = new Tag("tag:yaml.org,2002:value");

    static final Pattern BOOL = Pattern.compile(
            "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$");
    static final Pattern FLOAT = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
            + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))$");
    static final Pattern INT = Pattern.compile("^(?:[-+]?0b[0-1_]+"
            + "|[-+]?0[0-7_]+"
            + "|[-+]?(?:0|[1-9][0-9_]*)"
            + "|[-+]?0x[0-9a-fA-F_]+"
            + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$");
    static final Pattern MERGE = Pattern.compile("^(?:<<)$");
    static final Pattern NULL = Pattern.compile("^(?:~|null|Null|NULL|)$");
    static final Pattern TIMESTAMP = Pattern.compile("^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
            + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?"
            + ":[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?"
            + "(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$");
    static final Pattern VALUE_PATTERN = Pattern.compile("^(?:=)$");
    /** {@code toolkit/config.py: fixed_loader.add_implicit_resolver(u'tag:yaml.org,2002:float', ...)}. */
    static final Pattern AI_TOOLKIT_FLOAT = Pattern.compile("^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
            + "|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
            + "|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
            + "|[-+]?\\.(?:inf|Inf|INF)"
            + "|\\.(?:nan|NaN|NAN))$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.MERGE, MERGE, "<");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, NULL, null);
        addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
        addImplicitResolver(VALUE, VALUE_PATTERN, "=");
        addImplicitResolver(Tag.FLOAT, AI_TOOLKIT_FLOAT, "-+0123456789.");
    }
}
