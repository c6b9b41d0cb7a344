package dev.ltx2.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.schema.ForkUnderTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Our resolver against ai-toolkit's real loader ({@code toolkit.config.fixed_loader} from the
 * fork, PyYAML from the venv): every plain scalar must resolve to the type Python builds, and
 * plain values we accept must be equal.
 */
class PyYamlParityTest {
    static final List<String> SCALARS = List.of("1e-4", "1E-4", "1.0e-4", "1e5", "5e-5", "7.5e-5", ".5", "1.", "0.0001",
            "-2.5", "+3.0", "1_000", "1_000.5", "017", "09", "0o17", "0x1F", "0b101", "12:30", "1:30:00", "190:20:30.15",
            "2026-01-01", "2026-01-01 10:00:00", "2026-1-1 1:02:03", "yes", "no", "on", "off", "Yes", "NO", "y", "n",
            "true", "False", "TRUE", "null", "Null", "~", ".inf", "-.inf", ".nan", "+1", "-0", "0", "42", "1e", "e5",
            "1.2.3", "lora", "ltx2.3", "0.33", "3.", "-1", "99999999999999999999", "1e400", "adamw8bit", "TrUe");

    @Test
    void plainScalarsResolveAsAiToolkitsLoaderDoes() throws Exception {
        assumeTrue(ForkUnderTest.python().isPresent(), ForkUnderTest.missing(ForkUnderTest.PYTHON_ENV));
        assumeTrue(ForkUnderTest.fork().isPresent(), ForkUnderTest.missing(ForkUnderTest.FORK_ENV));
        Path python = ForkUnderTest.python().get();
        Path fork = ForkUnderTest.fork().get();
        assertThat(python).as("the venv's interpreter").isExecutable();
        assertThat(fork.resolve("toolkit/config.py")).as("the fork").isRegularFile();

        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < SCALARS.size(); i++) {
            doc.append("k").append(i).append(": ").append(SCALARS.get(i)).append('\n');
        }
        String script = String.join("\n",
                "import sys, json, math",
                "from toolkit.config import fixed_loader",
                "import oyaml as yaml",
                "data = yaml.load(sys.stdin.read(), Loader=fixed_loader)",
                "out = {}",
                "for k, v in data.items():",
                "    t = type(v).__name__",
                "    if isinstance(v, float) and (math.isinf(v) or math.isnan(v)): r = repr(v)",
                "    elif t in ('date', 'datetime'): r = str(v)",
                "    else: r = v",
                "    out[k] = [t, r]",
                "print(json.dumps(out))");
        Process p = new ProcessBuilder(python.toString(), "-c", script).directory(fork.toFile()).start();
        p.getOutputStream().write(doc.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        JsonNode python3 = new ObjectMapper().readTree(out);

        PyYamlResolver resolver = new PyYamlResolver();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < SCALARS.size(); i++) {
            String text = SCALARS.get(i);
            String pyType = python3.get("k" + i).get(0).asText();
            Tag tag = resolver.resolve(NodeId.scalar, text, true);
            String ours = category(tag);
            if (!ours.equals(pyType) && !(ours.equals("date") && pyType.equals("datetime"))) {
                mismatches.add(text + ": python " + pyType + ", ours " + ours);
                continue;
            }
            Scalars.Reading reading = Scalars.read(tag, text, true);
            if (reading instanceof Scalars.Value v) {
                JsonNode pv = python3.get("k" + i).get(1);
                String expected = pv.isTextual() ? pv.asText() : pv.toString();
                String actual = render(v.value());
                if (!expected.equals(actual) && !(pv.isNumber() && v.value() instanceof Number n
                        && pv.asDouble() == n.doubleValue())) {
                    mismatches.add(text + ": python " + expected + ", ours " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static String category(Tag tag) {
        if (Tag.BOOL.equals(tag)) {
            return "bool";
        }
        if (Tag.INT.equals(tag)) {
            return "int";
        }
        if (Tag.FLOAT.equals(tag)) {
            return "float";
        }
        if (Tag.NULL.equals(tag)) {
            return "NoneType";
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            return "date";
        }
        return "str";
    }

    private static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d && (d.isInfinite() || d.isNaN())) {
            return d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf";
        }
        return v.toString();
    }
}
