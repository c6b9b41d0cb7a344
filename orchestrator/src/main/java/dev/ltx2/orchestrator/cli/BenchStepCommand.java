package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.runner.EmbeddedPython;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator bench-step}: the full-size step benchmark (ltx2_tools.bench.step_benchmark),
 * or another benchmark module ({@code --module}, e.g. the host-overhead probes), run inside this
 * JVM through the same embedded interpreter {@code train} uses, with a Java event sink and stop
 * flag called every step, to measure what in-process Jep costs.
 */
@Command(name = "bench-step", hidden = true, mixinStandardHelpOptions = true,
        description = "Run the step benchmark in-process through Jep (docs/benchmarks.md).")
public final class BenchStepCommand implements Callable<Integer> {
    @Option(names = "--jep-library", required = true, paramLabel = "FILE", description = "libjep.so of the Python to embed.")
    Path jepLibrary;
    @Option(names = "--python-path", paramLabel = "DIRS", description = "Extra import paths, ':'-separated.")
    String pythonPath = "";
    @Option(names = "--module", paramLabel = "NAME",
            description = "Benchmark module whose main(argv, sink, stop) runs (default: ${DEFAULT-VALUE}).")
    String module = "ltx2_tools.bench.step_benchmark";
    @Parameters(paramLabel = "ARGS", description = "Arguments of ltx2_tools.bench.step_benchmark.")
    List<String> args = new ArrayList<>();
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        List<Path> include = new ArrayList<>();
        for (String p : pythonPath.split(File.pathSeparator)) {
            if (!p.isBlank()) include.add(Path.of(p));
        }
        AtomicInteger events = new AtomicInteger();
        Consumer<String> sink = line -> events.incrementAndGet();
        AtomicBoolean stop = new AtomicBoolean();
        EmbeddedPython.Outcome<Object> outcome = EmbeddedPython.run(jepLibrary, include, interp -> {
            interp.set("bench_module", module);
            interp.exec("import importlib\nbench_main = importlib.import_module(bench_module).main");
            return interp.invoke("bench_main", args, sink, stop);
        });
        if (outcome.error() != null) {
            spec.commandLine().getErr().println("error: " + outcome.error());
            return 3;
        }
        spec.commandLine().getErr().println("events received from Python: " + events.get());
        return 0;
    }
}
