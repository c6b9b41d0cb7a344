package dev.ltx2.orchestrator.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time from the root pom (one source of truth for the Jep pin). */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {}

    public static String version() {
        return PROPS.getProperty("version");
    }

    /** The {@code black.ninia:jep} version compiled against; pip installs the same. */
    public static String jepVersion() {
        return PROPS.getProperty("jep.version");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/ltx2/orchestrator/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties missing from the jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
