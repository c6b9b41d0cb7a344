package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Progress;
import dev.ltx2.orchestrator.core.TimedStep;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs the pytest ids of the SOP table against the fork and reads back each test's outcome. */
public final class ItemTests {
    public enum Outcome { PASSED, FAILED, SKIPPED }

    /** nodeid -> outcome, e.g. {@code tests/fork/test_x.py::test_y[ltx2] -> PASSED}. */
    public record Results(Map<String, Outcome> byNodeId, String log) {

        /** Outcomes of the tests an id selects: a node id, its parametrisations, or a whole file. */
        public List<Outcome> select(String id) {
            List<Outcome> out = new ArrayList<>();
            byNodeId.forEach((node, outcome) -> {
                if (node.equals(id) || node.startsWith(id + "[") || (!id.contains("::") && node.startsWith(id + "::"))) {
                    out.add(outcome);
                }
            });
            return out;
        }
    }

    private ItemTests() {}

    /**
     * Runs the selections in one pytest process (the tiny models are built once) and reports
     * every finished test with the counts so far: on the fork's CPU tests this takes minutes.
     */
    public static Results run(PythonEnv env, Path pythonEnvDir, List<String> testIds, Progress progress)
            throws IOException {
        Path report = Files.createTempFile("ltx2-verify-", ".xml");
        try {
            // -v: one line per finished test, which the progress counts; -p no:cacheprovider: no .pytest_cache in the tree
            List<String> cmd = new ArrayList<>(List.of(env.python().toString(), "-m", "pytest", "-v", "--color=no",
                    "-p", "no:cacheprovider", "--junitxml=" + report));
            cmd.addAll(testIds);
            Map<String, String> vars = new LinkedHashMap<>(env.childEnvironment());
            vars.put("LTX2_FORK_DIR", env.forkDir().toString());
            Exec.Output out;
            try (TimedStep step = TimedStep.start(progress, "running " + testIds.size() + " test selections",
                    "against " + env.forkDir() + "; on a CPU over 10 min")) {
                TestCounter counter = new TestCounter();
                out = new Exec(pythonEnvDir, vars).runStreaming(cmd, line -> counter.accept(line).ifPresent(step::update));
            }
            return new Results(parse(report), out.stdout() + out.stderr());
        } finally {
            Files.deleteIfExists(report);
        }
    }

    /** Outcomes from an existing pytest JUnit report (of {@code python-env/tests}, run from {@code python-env/}). */
    public static Results read(Path junitXml) throws IOException {
        return new Results(parse(junitXml), "outcomes read from " + junitXml);
    }

    static Map<String, Outcome> parse(Path junitXml) throws IOException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        if (Files.size(junitXml) == 0) {
            return outcomes;
        }
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junitXml.toFile());
            NodeList cases = doc.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                String file = c.getAttribute("classname").replace('.', '/') + ".py";
                String node = file + "::" + c.getAttribute("name");
                Outcome o = c.getElementsByTagName("failure").getLength() > 0 || c.getElementsByTagName("error").getLength() > 0
                        ? Outcome.FAILED
                        : c.getElementsByTagName("skipped").getLength() > 0 ? Outcome.SKIPPED : Outcome.PASSED;
                outcomes.put(node, o);
            }
        } catch (Exception e) {
            throw new IOException("unreadable pytest report: " + e.getMessage(), e);
        }
        return outcomes;
    }
}
