package dev.ltx2.orchestrator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Layout;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator paths [--json] [NAME...]}: where the checkout and the cache put each thing,
 * as {@link Layout} computes it. Scripts and tests ask here instead of repeating the formula;
 * with names, just those paths, one a line, for a shell's {@code read}.
 */
@Command(name = "paths", mixinStandardHelpOptions = true,
        description = "Print where the orchestrator keeps things (cache, fork, venv, demo, ...); --json for scripts, "
                + "or NAMEs for just those paths, one a line.")
public final class PathsCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin JsonOption json;
    @Parameters(arity = "0..*", paramLabel = "NAME", description = "Print only these paths, one a line, in this order.")
    List<String> names = List.of();
    @Spec CommandSpec spec;

    /** Every named place, in the order printed. */
    static Map<String, Path> of(Layout layout) {
        Map<String, Path> paths = new LinkedHashMap<>();
        paths.put("home", layout.home());
        paths.put("patches", layout.patchesDir());
        paths.put("python_source", layout.pythonSource());
        paths.put("cache", layout.cache());
        paths.put("upstream", layout.upstreamMirrors());
        paths.put("fork", layout.forkDir());
        paths.put("venv", layout.venvDir());
        paths.put("venv_python", new PythonEnv(layout.venvDir(), layout.pythonSource(), layout.forkDir()).python());
        paths.put("demo", layout.demoDir());
        paths.put("scratch", layout.scratchDir());
        return paths;
    }

    @Override
    public Integer call() {
        Map<String, Path> paths = of(cache.layout());
        PrintWriter out = spec.commandLine().getOut();
        List<String> unknown = names.stream().filter(n -> !paths.containsKey(n)).toList();
        if (!unknown.isEmpty()) {
            return new Console(out, spec.commandLine().getErr()).fail(Failure.user("unknown path name: "
                    + String.join(", ", unknown), "one of: " + String.join(", ", paths.keySet())));
        }
        if (!names.isEmpty()) {
            names.forEach(name -> out.println(paths.get(name)));
        } else if (json.enabled()) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            paths.forEach((name, path) -> node.put(name, path.toString()));
            out.println(node.toPrettyString());
        } else {
            paths.forEach((name, path) -> out.printf("%-14s %s%n", name, path));
        }
        out.flush();
        return ExitCode.OK.code();
    }
}
