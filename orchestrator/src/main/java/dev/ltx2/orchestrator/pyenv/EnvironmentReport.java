package dev.ltx2.orchestrator.pyenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Versions in the venv as Python sees them, checked against the Jep jar. */
public record EnvironmentReport(Map<String, String> versions, String jepJar, String jepNative) {

    public boolean jepMatches() {
        return jepJar.equals(jepNative);
    }

    public static Result<EnvironmentReport> probe(PythonEnv env, String jepJarVersion) {
        if (!env.exists()) {
            return Result.err(Failure.environment("no venv at " + env.venvDir(), "run: orchestrator env create"));
        }
        Exec.Output out = new Exec(null, env.childEnvironment())
                .run(List.of(env.python().toString(), "-m", "ltx2_tools.envcheck"));
        if (!out.ok()) {
            return Result.err(Failure.environment("the venv's Python failed to report versions", "run: orchestrator env create")
                    .withDetail(out.tail(15)));
        }
        try {
            JsonNode json = new ObjectMapper().readTree(out.stdout());
            Map<String, String> versions = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
            return Result.ok(new EnvironmentReport(versions, jepJarVersion, versions.getOrDefault("jep", "missing")));
        } catch (java.io.IOException e) {
            return Result.err(Failure.environment("unreadable version report: " + e.getMessage(), null).withDetail(out.stdout()));
        }
    }
}
