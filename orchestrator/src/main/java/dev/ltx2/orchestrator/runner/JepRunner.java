package dev.ltx2.orchestrator.runner;

import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.function.Consumer;
import jep.SharedInterpreter;

/**
 * Runs the trainer inside this JVM through Jep ({@link EmbeddedPython}). The venv's
 * {@code bin/} must be first on PATH (the launcher does this) so embedded CPython adopts the
 * venv and {@code sys.executable} is right for torch's workers; stops are cooperative through
 * a polled flag, never by interrupting Python.
 */
public final class JepRunner implements TrainerRunner {
    private final String jarVersion;

    public JepRunner(String jarVersion) {
        this.jarVersion = jarVersion;
    }

    @Override
    public String name() {
        return "jep";
    }

    @Override
    public RunOutcome run(TrainingRequest request, Consumer<TrainingEvent> listener, AtomicBoolean stop) {
        PythonEnv env = request.env();
        String problem = JepNative.check(env, jarVersion);
        if (problem != null) {
            return new RunOutcome.Failed(problem, "");
        }
        OutcomeCollector collector = new OutcomeCollector(listener);
        EmbeddedPython.Outcome<RunOutcome> outcome = EmbeddedPython.run(JepNative.library(env), List.of(env.pythonSource()),
                interp -> train(interp, request, collector, stop));
        if (outcome.error() != null) {
            Throwable e = outcome.error();
            String message = e instanceof UnsatisfiedLinkError
                    ? "cannot load the Jep native library: " + e.getMessage() + " (run: orchestrator env create)"
                    : "embedded Python failed: " + e.getMessage();
            return new RunOutcome.Failed(message, "");
        }
        return outcome.value() != null ? outcome.value() : collector.outcomeOr("the trainer returned without a final event");
    }

    /** On the interpreter's thread: check the venv was adopted, then train. Null when events tell the outcome. */
    private static RunOutcome train(SharedInterpreter interp, TrainingRequest request, OutcomeCollector collector,
                                    AtomicBoolean stop) throws java.io.IOException {
        PythonEnv env = request.env();
        interp.exec("import sys");
        String prefix = interp.getValue("sys.prefix", String.class);
        if (!Path.of(prefix).toRealPath().equals(env.venvDir().toRealPath())) {
            return new RunOutcome.Failed("embedded Python started in " + prefix + ", not the venv " + env.venvDir()
                    + "; start through bin/orchestrator, which puts " + env.bin() + " first on PATH", "");
        }
        interp.exec("from ltx2_character.bridge.run import run_training");
        Consumer<String> sink = line -> collector.accept(TrainingEvent.decode(line));
        interp.invoke("run_training", request.configJson(), env.forkDir().toString(), sink, stop,
                request.logFile() == null ? null : request.logFile().toString());
        return null;
    }

    /** The Jep native library in the venv and its version, checked against the jar. */
    public static final class JepNative {
        private JepNative() {}

        public static Path library(PythonEnv env) {
            Path site = env.sitePackages();
            return site == null ? env.venvDir().resolve("libjep.so") : site.resolve("jep").resolve("libjep.so");
        }

        /** Null when usable; else why not. Checked before the native library is loaded. */
        public static String check(PythonEnv env, String jarVersion) {
            String installed = env.installedJep();
            if (installed == null || !Files.isRegularFile(library(env))) {
                return "Jep is not installed in " + env.venvDir() + " (run: orchestrator env create)";
            }
            if (!installed.equals(jarVersion)) {
                return "Jep version mismatch: jar " + jarVersion + ", native library " + installed
                        + "; they must be equal (run: orchestrator env create)";
            }
            return null;
        }
    }
}
