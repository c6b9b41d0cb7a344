package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/orchestrator} builds its jar when it is missing; what that build prints into a
 * log (output that is not a terminal) is plain text. Maven 3.8's console library wrote
 * {@code ESC[0m} resets even with {@code -q -B}, which showed as {@code ^[[0m^[[0m} in logs.
 * The build runs in a copy of the sources, so the repository's own jar is never touched.
 */
class LauncherBuildIT {

    @Test
    void buildingTheJarPrintsNoEscapeCodesWhenOutputIsNotATerminal(@TempDir Path copy) throws Exception {
        for (String file : List.of("pom.xml", "bin/orchestrator", "bin/lib/cache-root.sh", "integration-tests/pom.xml")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(Launcher.HOME.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String module : List.of("config-schema", "orchestrator")) {
            Files.copy(Launcher.HOME.resolve(module + "/pom.xml"), createParents(copy.resolve(module + "/pom.xml")));
            copyTree(Launcher.HOME.resolve(module + "/src/main"), copy.resolve(module + "/src/main"));
        }
        Path log = copy.resolve("launcher.log");
        // MAVEN_OPTS as a user may have it; the launcher must add to it, not depend on it.
        ProcessBuilder pb = new ProcessBuilder(copy.resolve("bin/orchestrator").toString(), "--version")
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("the build ran").contains("» building the orchestrator jar");
        assertThat(copy.resolve("orchestrator/target/orchestrator.jar")).exists();
        assertThat(output).as(output.replace("\u001b", "^[")).doesNotContain("\u001b");
    }

    private static Path createParents(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return file;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
