package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based fuzzing of {@code validate} (jqwik): configs mutated from the valid corpus (the
 * test corpus and {@code examples/}) by {@link FuzzTest#mutate}. For every one, no exception
 * escapes, the internal-error guard never fires, every finding has a line, a column and a key
 * path, and the run takes under a second. jqwik shrinks a failure to a small seed and prints it.
 *
 * <p>Tries: {@code jqwik.tries.default} in {@code junit-platform.properties} (CI); the full
 * 10,000-try run and its time are in docs/reliability.md.
 */
class ValidatorPropertiesTest {
    private static final long BUDGET_NANOS = 1_000_000_000L;
    private static List<String> sources;
    private static Path dir;
    private static ValidationContext context;

    @BeforeContainer
    static void corpus() throws IOException {
        dir = Files.createTempDirectory("validator-properties");
        context = TestData.create(dir);
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(CorpusTest.CORPUS.resolve("valid"), Path.of("../examples"))) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(Files.readString(f));
            ConfigValidator.validate(f, context); // loads the validator's classes, so the budget measures validation
        }
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> mutatedConfigs() {
        return Arbitraries.integers().between(0, sources.size() - 1)
                .flatMap(i -> Arbitraries.longs().map(seed -> FuzzTest.mutate(sources.get(i), new Random(seed))));
    }

    @Property
    void validateNeverThrowsAndLocatesEveryFinding(@ForAll("mutatedConfigs") String config) throws IOException {
        Path file = Files.createTempFile(dir, "mutated", ".yaml");
        try {
            Files.writeString(file, config, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            ValidationReport report = ConfigValidator.validate(file, context);
            long took = System.nanoTime() - start;
            assertThat(took).as("validate took %d ms", took / 1_000_000).isLessThan(BUDGET_NANOS);
            assertThat(report.diagnostics()).allSatisfy(d -> {
                assertThat(d.message()).doesNotContain("internal validator error");
                assertThat(d.line()).as(d.format()).isPositive();
                assertThat(d.column()).as(d.format()).isPositive();
                assertThat(d.keyPath()).as(d.format()).isNotNull();
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

}
