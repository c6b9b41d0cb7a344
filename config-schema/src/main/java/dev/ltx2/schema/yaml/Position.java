package dev.ltx2.schema.yaml;

/** A 1-based line and column in the config file as the user wrote it (before {@code ${ENV}} substitution). */
public record Position(int line, int column) {
    public static final Position START = new Position(1, 1);
}
