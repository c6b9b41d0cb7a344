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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator never throws and never hits its internal-error guard: thousands of mutated
 * corpus files (deleted, duplicated and swapped lines, YAML-significant characters, hostile
 * tokens, truncations) and random bytes, with a fixed seed so a failure reproduces.
 */
class FuzzTest {
    private static final String[] TOKENS = {"yes", "~", "null", "1e400", "-.inf", ".nan", "[]", "{}", "!!binary aGk=",
        "*undefined", "&a x", "<<: *a", "!!python/object:os.system", "${UNSET_FUZZ_VAR}", "'", "\"", "[", "{", "- -",
        "? complex", ": :", "|", ">", "%YAML 1.1", "---", "...", "\t", "12:30:00", "2026-01-01", "0b11", "0x",
        "99999999999999999999999", "[name]", "!!set {a, b}", "!!omap [a: 1]", "=", "\u0085", "\u2028", "é", "🙂"};
    private static final char[] CHARS = {':', '-', '[', ']', '{', '}', '"', '\'', '&', '*', '!', '#', '|', '>', '%',
        '@', '`', '\t', ' ', '\n', ',', '?', '\\', '\r'};

    @TempDir Path dir;

    @Test
    void mutatedConfigsNeverBreakTheValidator() throws IOException {
        ValidationContext context = TestData.create(dir);
        Random random = new Random(20261125);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CorpusTest.CORPUS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(Files.readString(f));
            }
        }
        Path target = dir.resolve("fuzz.yaml");
        int runs = 0;
        for (String source : sources) {
            for (int i = 0; i < 25; i++) {
                String mutated = mutate(source, random);
                Files.writeString(target, mutated, StandardCharsets.UTF_8);
                ValidationReport report = ConfigValidator.validate(target, context);
                assertThat(report.diagnostics()).as(mutated)
                        .noneSatisfy(d -> assertThat(d.message()).contains("internal validator error"));
                runs++;
            }
        }
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            Files.write(target, bytes);
            assertThat(ConfigValidator.validate(target, context).diagnostics())
                    .noneSatisfy(d -> assertThat(d.message()).contains("internal validator error"));
            runs++;
        }
        assertThat(runs).isGreaterThan(2500);
    }

    static String mutate(String source, Random random) {
        List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int i = random.nextInt(lines.size());
            String line = lines.get(i);
            switch (random.nextInt(7)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> lines.set(i, insert(line, String.valueOf(CHARS[random.nextInt(CHARS.length)]), random));
                case 3 -> lines.set(i, insert(line, TOKENS[random.nextInt(TOKENS.length)], random));
                case 4 -> {
                    int j = random.nextInt(lines.size());
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 5 -> lines.set(i, line.replaceFirst(":\\s.*$", java.util.regex.Matcher.quoteReplacement(": " + TOKENS[random.nextInt(TOKENS.length)])));
                default -> lines.set(i, (random.nextBoolean() ? " " : "") + line.stripLeading().repeat(1 + random.nextInt(2)));
            }
        }
        String out = String.join("\n", lines);
        return random.nextInt(10) == 0 ? out.substring(0, random.nextInt(out.length() + 1)) : out;
    }

    private static String insert(String line, String what, Random random) {
        int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }
}
