package dev.ltx2.orchestrator.runner;

import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import jep.JepConfig;
import jep.JepException;
import jep.MainInterpreter;
import jep.SharedInterpreter;

/**
 * Runs the trainer inside this JVM through Jep (docs/interop.md). Rules that make it safe:
 * exactly one {@link SharedInterpreter}, created and used on one dedicated thread with a
 * large stack; the venv's {@code bin/} first on PATH (the launcher does this) so embedded
 * CPython adopts the venv and {@code sys.executable} is right for torch's workers; stops
 * are cooperative through a polled flag, never by interrupting Python.
 */
public final class JepRunner implements TrainerRunner {
    /** dynamo and deep model code recurse far beyond the default 1 MB thread stack. */
    private static final long PYTHON_STACK_BYTES = 64L << 20;
    private static final AtomicBoolean INITIALISED = new AtomicBoolean();

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
        if (!INITIALISED.compareAndSet(false, true)) {
            return new RunOutcome.Failed("the embedded Python interpreter can start only once per JVM", "");
        }
        OutcomeCollector collector = new OutcomeCollector(listener);
        AtomicReference<RunOutcome> crash = new AtomicReference<>();
        Thread python = new Thread(null, () -> crash.set(runOnPythonThread(request, collector, stop)),
                "python", PYTHON_STACK_BYTES);
        python.start();
        try {
            python.join();
        } catch (InterruptedException e) {
            // The stop flag is the only safe way to end Python; keep waiting for it.
            stop.set(true);
            Thread.currentThread().interrupt();
            joinUninterruptibly(python);
        }
        return crash.get() != null ? crash.get() : collector.outcomeOr("the trainer returned without a final event");
    }

    private static RunOutcome runOnPythonThread(TrainingRequest request, OutcomeCollector collector, AtomicBoolean stop) {
        PythonEnv env = request.env();
        try {
            MainInterpreter.setJepLibraryPath(JepNative.library(env).toString());
            JepConfig config = new JepConfig().addIncludePaths(env.pythonSource().toString());
            SharedInterpreter.setConfig(config);
            try (SharedInterpreter interp = new SharedInterpreter()) {
                interp.exec("import sys");
                String prefix = interp.getValue("sys.prefix", String.class);
                if (!Path.of(prefix).toRealPath().equals(env.venvDir().toRealPath())) {
                    return new RunOutcome.Failed("embedded Python started in " + prefix + ", not the venv " + env.venvDir()
                            + "; start through ./orchestrator, which puts " + env.bin() + " first on PATH", "");
                }
                interp.exec("from ltx2_character.bridge.run import run_training");
                Consumer<String> sink = line -> collector.accept(TrainingEvent.decode(line));
                interp.invoke("run_training", request.configJson(), env.forkDir().toString(), sink, stop,
                        request.logFile() == null ? null : request.logFile().toString());
                return null;
            }
        } catch (JepException e) {
            return new RunOutcome.Failed("embedded Python failed: " + e.getMessage(), "");
        } catch (java.io.IOException e) {
            return new RunOutcome.Failed("cannot resolve the venv: " + e.getMessage(), "");
        } catch (UnsatisfiedLinkError e) {
            return new RunOutcome.Failed("cannot load the Jep native library: " + e.getMessage(),
                    "rebuild it: orchestrator env create --force");
        }
    }

    private static void joinUninterruptibly(Thread t) {
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException ignored) {
                // keep waiting: Python must finish its checkpoint
            }
        }
    }

    /** The Jep native library in the venv and its version, checked against the jar. */
    public static final class JepNative {
        private JepNative() {}

        public static Path library(PythonEnv env) {
            Path site = env.sitePackages();
            return site == null ? env.venvDir().resolve("libjep.so") : site.resolve("jep").resolve("libjep.so");
        }

        /** Version of the jep distribution installed in the venv, or null. */
        public static String installedVersion(PythonEnv env) {
            Path site = env.sitePackages();
            if (site == null) {
                return null;
            }
            try (var entries = Files.list(site)) {
                return entries.map(p -> p.getFileName().toString())
                        .filter(n -> n.startsWith("jep-") && n.endsWith(".dist-info"))
                        .map(n -> n.substring(4, n.length() - ".dist-info".length()))
                        .findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        }

        /** Null when usable; else why not. Checked before the native library is loaded. */
        public static String check(PythonEnv env, String jarVersion) {
            String installed = installedVersion(env);
            if (installed == null || !Files.isRegularFile(library(env))) {
                return "Jep is not installed in " + env.venvDir() + " (run: orchestrator env create)";
            }
            if (!installed.equals(jarVersion)) {
                return "Jep version mismatch: jar " + jarVersion + ", native library " + installed
                        + "; they must be equal (run: orchestrator env create --force)";
            }
            return null;
        }
    }
}
