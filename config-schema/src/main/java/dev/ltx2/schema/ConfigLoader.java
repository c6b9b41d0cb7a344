package dev.ltx2.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ai-toolkit job config as ai-toolkit does: {@code ${VAR}} replaced textually in
 * the whole file before parsing (an unset variable is an error), then YAML or JSON.
 */
public final class ConfigLoader {
    private static final Pattern ENV_VAR = Pattern.compile("\\$\\{([^}]+)}");

    private ConfigLoader() {}

    public static LoadResult load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return invalid(Diagnostic.error(file, 1, 1, "", "cannot read the config: " + e.getMessage(), "check the path"));
        }
        List<Diagnostic> errors = new ArrayList<>();
        String substituted = substitute(file, text, env, errors);
        if (!errors.isEmpty()) {
            return new LoadResult.Invalid(errors, List.of());
        }
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new YAMLMapper(new YAMLFactory());
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        try {
            JsonNode tree = mapper.readTree(substituted);
            if (tree == null || !tree.isObject()) {
                return invalid(Diagnostic.error(file, 1, 1, "", "the config must be a mapping with job and config keys",
                        "start from examples/demo/character.yaml"));
            }
            return new LoadResult.Loaded(new ResolvedConfig(file, tree), List.of());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            return invalid(Diagnostic.error(file, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(), "",
                    e.getOriginalMessage(), "fix the YAML syntax"));
        }
    }

    static String substitute(Path file, String text, Map<String, String> env, List<Diagnostic> errors) {
        StringBuilder out = new StringBuilder();
        Matcher m = ENV_VAR.matcher(text);
        while (m.find()) {
            String value = env.get(m.group(1));
            if (value == null) {
                int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
                int col = m.start() - text.lastIndexOf('\n', m.start() - 1);
                errors.add(Diagnostic.error(file, line, col, "", "environment variable " + m.group(1) + " is not set",
                        "export " + m.group(1) + " or replace ${" + m.group(1) + "} with a value"));
                value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static LoadResult invalid(Diagnostic d) {
        return new LoadResult.Invalid(List.of(d), List.of());
    }
}
