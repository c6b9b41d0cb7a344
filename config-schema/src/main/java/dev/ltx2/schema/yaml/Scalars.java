package dev.ltx2.schema.yaml;

import java.math.BigInteger;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a resolved YAML scalar into the value Python receives, or rejects it when ai-toolkit's
 * YAML 1.1 loader reads it differently from YAML 1.2 tools and JSON (the editor, the UI, our
 * schema): {@code yes}/{@code no}/{@code on}/{@code off}, base-60 numbers such as {@code 12:30},
 * leading-zero octals, {@code 1_000}, {@code 0b1010}, bare dates and a bare {@code =}.
 */
public final class Scalars {
    private Scalars() {}

    /** The Python value (null, Boolean, Long, BigInteger, Double or String), or a trap to report. */
    public sealed interface Reading permits Value, Trap {}

    public record Value(Object value) implements Reading {}

    public record Trap(String message, String fix) implements Reading {}

    public static Reading read(Tag tag, String text, boolean plain) {
        if (Tag.STR.equals(tag)) {
            return new Value(text);
        }
        if (Tag.NULL.equals(tag)) {
            return new Value(null);
        }
        if (Tag.BOOL.equals(tag)) {
            return bool(text, plain);
        }
        if (Tag.INT.equals(tag)) {
            return integer(text);
        }
        if (Tag.FLOAT.equals(tag)) {
            return floating(text);
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            return new Trap("'" + text + "' is a date in YAML 1.1: ai-toolkit's loader (PyYAML) turns it into a "
                    + "datetime object, which its JSON step cannot handle", "quote it: \"" + text + "\"");
        }
        if (PyYamlResolver.VALUE.equals(tag)) {
            return new Trap("a bare '=' is YAML 1.1's value key, which ai-toolkit's loader (PyYAML's safe loader) "
                    + "refuses", "quote it: \"=\"");
        }
        return new Trap("the YAML tag " + tag + " is not one ai-toolkit's safe loader can build",
                "remove the tag; use plain strings, numbers, booleans, lists and mappings");
    }

    private static Reading bool(String text, boolean plain) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean value = lower.equals("true") || lower.equals("yes") || lower.equals("on");
        if (lower.equals("true") || lower.equals("false")) {
            return new Value(value);
        }
        if (!plain) {
            return new Value(value);
        }
        return new Trap("'" + text + "' is a YAML 1.1 boolean: ai-toolkit's loader (PyYAML) reads it as "
                + (value ? "true" : "false") + ", while YAML 1.2 tools and JSON read the text \"" + text + "\"",
                "write " + (value ? "true" : "false") + " for a boolean, or \"" + text + "\" (quoted) for the text");
    }

    private static Reading integer(String text) {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        if (digits.contains(":")) {
            return new Trap("'" + text + "' is a base-60 number in YAML 1.1: ai-toolkit's loader (PyYAML) reads it as "
                    + sexagesimal(digits, negative) + ", YAML 1.2 tools read the text \"" + text + "\"",
                    "quote it (\"" + text + "\") for text, or write the number in decimal");
        }
        if (digits.contains("_")) {
            return new Trap("'" + text + "' uses '_' digit separators, which only YAML 1.1 (ai-toolkit's loader) "
                    + "accepts as a number", "write " + text.replace("_", ""));
        }
        if (digits.startsWith("0b")) {
            return new Trap("'" + text + "' is a YAML 1.1 binary number (" + signed(new BigInteger(digits.substring(2), 2), negative)
                    + " in ai-toolkit's loader); YAML 1.2 tools read text", "write it in decimal");
        }
        if (digits.startsWith("0x")) {
            return new Value(narrow(signed(new BigInteger(digits.substring(2), 16), negative)));
        }
        if (digits.length() > 1 && digits.startsWith("0")) {
            return new Trap("'" + text + "' has a leading zero, so ai-toolkit's loader (PyYAML) reads it as the octal number "
                    + signed(new BigInteger(digits, 8), negative) + ", while YAML 1.2 tools read " + new BigInteger(text),
                    "drop the leading zero, or quote it for text");
        }
        return new Value(narrow(new BigInteger(text.startsWith("+") ? digits : text)));
    }

    private static Reading floating(String text) {
        String t = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        boolean negative = text.startsWith("-");
        if (t.contains(":")) {
            return new Trap("'" + text + "' is a base-60 number in YAML 1.1, read by ai-toolkit's loader as a float",
                    "quote it for text, or write the number in decimal");
        }
        if (t.contains("_")) {
            return new Trap("'" + text + "' uses '_' digit separators, which only YAML 1.1 (ai-toolkit's loader) "
                    + "accepts as a number", "write " + text.replace("_", ""));
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals(".inf")) {
            return new Value(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
        }
        if (lower.equals(".nan")) {
            return new Value(Double.NaN);
        }
        return new Value(Double.parseDouble(text));
    }

    private static BigInteger sexagesimal(String digits, boolean negative) {
        BigInteger value = BigInteger.ZERO;
        for (String part : digits.split(":")) {
            value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(part.isEmpty() ? "0" : part));
        }
        return signed(value, negative);
    }

    private static BigInteger signed(BigInteger v, boolean negative) {
        return negative ? v.negate() : v;
    }

    private static Object narrow(BigInteger v) {
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }
}
