package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The config corpus: every file under corpus/invalid must produce exactly the errors its
 * {@code # error: key.path} markers name, each on the marked line; every file under
 * corpus/valid must produce no error and exactly the marked warnings.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Pattern MARKER = Pattern.compile("# (error|warning): ([^#;]+?)\\s*(?=;|#|$)");

    @TempDir static Path data;
    static ValidationContext context;

    @BeforeAll
    static void createData() throws IOException {
        context = TestData.create(data);
    }

    static Stream<Path> invalid() throws IOException {
        return list("invalid");
    }

    static Stream<Path> valid() throws IOException {
        return list("valid");
    }

    private static Stream<Path> list(String folder) throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHasAtLeastFortyInvalidConfigs() throws IOException {
        assertThat(invalid().count()).isGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidConfigsReportExactlyTheMarkedErrors(Path file) throws IOException {
        ValidationReport report = ConfigValidator.validate(file, context);
        Set<String> expected = markers(file, "error");
        assertThat(expected).as("markers in " + file).isNotEmpty();
        assertThat(report.valid()).isFalse();
        assertThat(located(report.errors())).as(describe(report)).isEqualTo(expected);
        assertThat(report.errors()).allSatisfy(d -> assertThat(d.message()).doesNotContain("internal validator error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validConfigsHaveNoErrorsAndExactlyTheMarkedWarnings(Path file) throws IOException {
        ValidationReport report = ConfigValidator.validate(file, context);
        assertThat(report.errors()).as(describe(report)).isEmpty();
        assertThat(report.config()).isPresent();
        assertThat(located(report.warnings())).as(describe(report)).isEqualTo(markers(file, "warning"));
    }

    /** {@code key.path @line} for each marker; {@code <root>} stands for the empty path. */
    static Set<String> markers(Path file, String kind) throws IOException {
        Set<String> out = new TreeSet<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            while (m.find()) {
                if (m.group(1).equals(kind)) {
                    String path = m.group(2).strip();
                    out.add((path.equals("<root>") ? "" : path) + " @" + (i + 1));
                }
            }
        }
        return out;
    }

    static Set<String> located(List<Diagnostic> diagnostics) {
        Set<String> out = new TreeSet<>();
        diagnostics.forEach(d -> out.add(d.keyPath() + " @" + d.line()));
        return out;
    }

    private static String describe(ValidationReport report) {
        StringBuilder s = new StringBuilder("diagnostics:\n");
        report.diagnostics().forEach(d -> s.append("  ").append(d.format()).append('\n'));
        return s.toString();
    }
}
