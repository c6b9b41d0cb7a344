package dev.ltx2.orchestrator.pyenv;

import com.fasterxml.jackson.databind.JsonNode;
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
        Result<ToolResult> answered = new ToolDoor(env).call("envcheck", List.of(), event -> { });
        if (answered instanceof Result.Err<ToolResult> e) {
            return Result.err(ToolDoor.explained(e.failure(), "the venv's Python failed to report versions",
                    "run: orchestrator env create"));
        }
        JsonNode json = ((Result.Ok<ToolResult>) answered).value().value();
        if (!json.isObject()) {
            return Result.err(Failure.environment("unreadable version report: " + json, null));
        }
        Map<String, String> versions = new LinkedHashMap<>();
        json.fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue().asText()));
        return Result.ok(new EnvironmentReport(versions, jepJarVersion, versions.getOrDefault("jep", "missing")));
    }
}
