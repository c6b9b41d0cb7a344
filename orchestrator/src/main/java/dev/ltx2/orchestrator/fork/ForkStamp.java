package dev.ltx2.orchestrator.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What a materialised fork was built from (pin and series digest). Reading it is the
 * whole cost of a second {@code fork apply} when nothing changed: no git process runs.
 */
record ForkStamp(String commit, String seriesDigest, List<String> excludedPaths) {
    static final String FILE_NAME = ".orchestrator-fork.properties";

    static Optional<ForkStamp> read(Path forkDir) {
        Path file = forkDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String excluded = p.getProperty("excluded", "");
        return Optional.of(new ForkStamp(p.getProperty("commit", ""), p.getProperty("series", ""),
                excluded.isEmpty() ? List.of() : List.of(excluded.split(","))));
    }

    void write(Path forkDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("commit", commit);
        p.setProperty("series", seriesDigest);
        p.setProperty("excluded", String.join(",", new ArrayList<>(excludedPaths)));
        try (var writer = Files.newBufferedWriter(forkDir.resolve(FILE_NAME), StandardCharsets.UTF_8)) {
            p.store(writer, "written by orchestrator fork apply; do not edit");
        }
    }
}
