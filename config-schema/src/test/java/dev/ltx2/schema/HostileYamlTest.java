package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile YAML is rejected with a clear message, in under a second, with bounded memory: each
 * case also runs in a child JVM capped at 64 MiB of heap, where a parser that expanded the
 * input would die with an OutOfMemoryError.
 */
class HostileYamlTest {
    @TempDir static Path dir;

    @BeforeAll
    static void writeInputs() throws IOException {
        List<String> laughs = new ArrayList<>(List.of("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"));
        for (int i = 1; i < 10; i++) {
            laughs.add("a" + i + ": &a" + i + " [" + String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))) + "]");
        }
        Files.write(dir.resolve("billion_laughs.yaml"), laughs);
        List<String> doubling = new ArrayList<>(List.of("a0: &a0 [x, x]"));
        for (int i = 1; i < 25; i++) {
            doubling.add("a" + i + ": &a" + i + " [*a" + (i - 1) + ", *a" + (i - 1) + "]");
        }
        Files.write(dir.resolve("alias_doubling.yaml"), doubling);
        Files.writeString(dir.resolve("deep_flow.yaml"), "job: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        Files.writeString(dir.resolve("deep_block.yaml"), "- ".repeat(10_000) + "x\n");
        Files.writeString(dir.resolve("deep_mapping.yaml"), "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
        Files.writeString(dir.resolve("recursive_alias.yaml"), "a: &a [*a]\n");
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("hundred_mb.yaml"), StandardCharsets.UTF_8)) {
            w.write("job: extension\nconfig:\n  name: big\n");
            String line = "  # " + "x".repeat(1020) + "\n";
            for (int i = 0; i < 100 * 1024; i++) {
                w.write(line);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"billion_laughs.yaml", "alias_doubling.yaml", "deep_flow.yaml", "deep_block.yaml",
        "deep_mapping.yaml", "recursive_alias.yaml", "hundred_mb.yaml"})
    void rejectedQuicklyWithAClearMessage(String name) {
        Path file = dir.resolve(name);
        long start = System.nanoTime();
        ValidationReport report = ConfigValidator.validate(file, ValidationContext.of(Map.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).hasSize(1);
        assertThat(report.errors().get(0).message()).containsAnyOf("alias", "nests more than", "1 MiB")
                .doesNotContain("internal validator error");
        assertThat(millis).as("validation time of " + name).isLessThan(1000);
    }

    @Test
    void aHundredMegabyteFileIsRefusedWithoutReadingIt() throws IOException {
        assertThat(Files.size(dir.resolve("hundred_mb.yaml"))).isGreaterThan(100L * 1000 * 1000);
        ValidationReport report = ConfigValidator.validate(dir.resolve("hundred_mb.yaml"), ValidationContext.of(Map.of()));
        assertThat(report.errors().get(0).format()).contains("the file is 100 MiB").contains("at most 1 MiB");
    }

    @Test
    void everyHostileInputStaysWithinA64MiBHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), ValidateMain.class.getName()));
        for (String name : new String[] {"billion_laughs.yaml", "alias_doubling.yaml", "deep_flow.yaml",
            "deep_block.yaml", "deep_mapping.yaml", "recursive_alias.yaml", "hundred_mb.yaml"}) {
            command.add(dir.resolve(name).toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().filter(l -> l.endsWith("invalid"))).hasSize(7);
    }

    /** Validates each argument and prints {@code file valid|invalid}; run in a small-heap child JVM. */
    public static final class ValidateMain {
        public static void main(String[] args) {
            for (String a : args) {
                ValidationReport r = ConfigValidator.validate(Path.of(a), ValidationContext.of(Map.of()));
                System.out.println(a + " " + (r.valid() ? "valid" : "invalid"));
            }
        }
    }
}
