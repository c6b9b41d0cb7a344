package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Relevance;
import dev.ltx2.schema.spec.SectionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema against the fork's Python source: every key ai-toolkit's config classes read is
 * in the schema (so "unknown key" never rejects a key upstream reads), every schema key that is
 * not the fork's exists upstream, and upstream's example configs have no unknown keys.
 */
class UpstreamDriftTest {
    static Path FORK;
    /** Python class (toolkit/config_modules.py) → schema section. */
    static final Map<String, String> CLASSES = Map.of("SaveConfig", "save", "LoggingConfig", "logging",
            "SampleItem", "sample_item", "SampleConfig", "sample", "NetworkConfig", "network", "TrainConfig", "train",
            "ModelConfig", "model", "EMAConfig", "ema_config", "DatasetConfig", "dataset",
            "ValidationConfig", "validation_config");
    static final Pattern KWARG = Pattern.compile("kwargs\\.get\\(\\s*['\"]([^'\"]+)['\"]");
    static final Pattern GET_CONF = Pattern.compile("(?:get_conf|self\\.config\\.get)\\(\\s*['\"]([^'\"]+)['\"]");

    @TempDir static Path data;

    @BeforeAll
    static void needsTheFork() {
        assumeTrue(ForkUnderTest.fork().isPresent(), ForkUnderTest.missing(ForkUnderTest.FORK_ENV));
        FORK = ForkUnderTest.fork().get();
        assertThat(FORK.resolve("toolkit/config_modules.py")).as("the patched fork").isRegularFile();
    }

    static SectionSpec spec(String name) {
        return JobConfig.ALL_SECTIONS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Keys read by each config class, from its body up to the next top-level class or def. */
    static Map<String, Set<String>> upstreamKeys() throws IOException {
        String src = Files.readString(FORK.resolve("toolkit/config_modules.py"));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (String cls : CLASSES.keySet()) {
            Matcher m = Pattern.compile("(?ms)^class " + cls + "\\b.*?(?=^class |^def |\\z)").matcher(src);
            assertThat(m.find()).as(cls).isTrue();
            Set<String> keys = new TreeSet<>();
            Matcher k = KWARG.matcher(m.group());
            while (k.find()) {
                keys.add(k.group(1));
            }
            out.put(CLASSES.get(cls), keys);
        }
        Set<String> process = new TreeSet<>();
        for (String f : List.of("jobs/process/BaseProcess.py", "jobs/process/BaseTrainProcess.py",
                "jobs/process/BaseSDTrainProcess.py", "extensions_built_in/sd_trainer/DiffusionTrainer.py",
                "extensions_built_in/sd_trainer/UITrainer.py")) {
            Matcher k = GET_CONF.matcher(Files.readString(FORK.resolve(f)));
            while (k.find()) {
                process.add(k.group(1));
            }
        }
        out.put("process", process);
        return out;
    }

    @Test
    void everyKeyUpstreamReadsIsInTheSchema() throws IOException {
        Map<String, Set<String>> upstream = upstreamKeys();
        assertThat(upstream.get("train")).hasSizeGreaterThan(100);
        upstream.forEach((section, keys) -> assertThat(spec(section).keyNames())
                .as("keys ai-toolkit reads in " + section).isNotEmpty().containsAll(keys));
    }

    @Test
    void everySchemaKeyExistsUpstreamUnlessTheForkAddsIt() throws IOException {
        Map<String, Set<String>> upstream = upstreamKeys();
        upstream.forEach((section, keys) -> {
            for (Key<?> key : spec(section).keys()) {
                boolean structural = section.equals("process") && Set.of("type", "device").contains(key.name());
                if (key.relevance() != Relevance.FORK && !structural) {
                    assertThat(keys).as(section + "." + key.name() + " is read upstream").contains(key.name());
                }
            }
        });
    }

    @Test
    void upstreamExampleConfigsHaveNoUnknownKeys() throws IOException {
        ValidationContext context = new ValidationContext(Map.of(), data, List.of());
        List<Path> examples;
        try (Stream<Path> files = Files.list(FORK.resolve("config/examples"))) {
            examples = files.filter(p -> p.getFileName().toString().startsWith("train_lora_")).sorted().toList();
        }
        assertThat(examples).isNotEmpty();
        for (Path example : examples) {
            ValidationReport report = ConfigValidator.validate(example, context);
            assertThat(report.errors()).as(example.toString())
                    .noneSatisfy(d -> assertThat(d.message()).contains("unknown key"));
        }
    }
}
