package dev.ltx2.schema;

import java.nio.file.Path;

/** One finding about a config file, located at {@code file:line:column} under {@code keyPath}. */
public record Diagnostic(Severity severity, Path file, int line, int column, String keyPath, String message, String fix) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(Path file, int line, int column, String keyPath, String message, String fix) {
        return new Diagnostic(Severity.ERROR, file, line, column, keyPath, message, fix);
    }

    public static Diagnostic warning(Path file, int line, int column, String keyPath, String message, String fix) {
        return new Diagnostic(Severity.WARNING, file, line, column, keyPath, message, fix);
    }

    /** {@code file:line:col  key.path  message  (fix: ...)} */
    public String format() {
        String where = file + ":" + line + ":" + column;
        String prefix = severity == Severity.WARNING ? "warning: " : "";
        String fixPart = fix == null || fix.isBlank() ? "" : "  (fix: " + fix + ")";
        return where + "  " + (keyPath == null || keyPath.isEmpty() ? "<root>" : keyPath) + "  " + prefix + message + fixPart;
    }
}
