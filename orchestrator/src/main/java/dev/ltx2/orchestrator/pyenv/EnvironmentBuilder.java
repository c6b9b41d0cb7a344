package dev.ltx2.orchestrator.pyenv;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Progress;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.TimedStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Creates the venv from the lock file and builds Jep into it. Idempotent: a stamp in the
 * venv records what it was built from, and a matching stamp means nothing runs.
 */
public final class EnvironmentBuilder {
    static final String STAMP = ".orchestrator-env";
    private static final String PROBE = "import sys,sysconfig;"
            + "print('%d.%d' % sys.version_info[:2]);print(sysconfig.get_config_var('Py_ENABLE_SHARED') or 0)";

    private final PythonEnv env;
    private final LockFile lock;
    private final String jepVersion;
    private final Progress progress;

    public EnvironmentBuilder(PythonEnv env, LockFile lock, String jepVersion, Progress progress) {
        this.env = env;
        this.lock = lock;
        this.jepVersion = jepVersion;
        this.progress = progress;
    }

    public record Created(PythonEnv env, boolean changed) {}

    /**
     * The stamp matches the lock, the Jep pin and the interpreter, and the installed Jep is
     * still the jar's: a jep that pip replaced later (a manual install, another project's
     * requirements) would crash the JVM, and {@code env create} is the fix env check names.
     */
    public boolean isCurrent() {
        return readStamp().map(s -> s.equals(expectedStampFor(venvPythonVersion()))).orElse(false)
                && jepVersion.equals(env.installedJep());
    }

    public Result<Created> create(String basePython) {
        if (env.exists() && isCurrent()) {
            return Result.ok(new Created(env, false));
        }
        Exec exec = new Exec(null);
        Exec.Output probe = exec.run(List.of(basePython, "-c", PROBE));
        if (!probe.ok()) {
            return Result.err(Failure.environment("cannot run " + basePython + ": " + probe.tail(2),
                    "install CPython 3.10-3.12 with a shared libpython, or pass --python"));
        }
        String[] facts = probe.stdout().strip().split("\n");
        String version = facts[0];
        if (!List.of("3.10", "3.11", "3.12").contains(version)) {
            return Result.err(Failure.environment(basePython + " is Python " + version + "; ai-toolkit and Jep 4.2 need 3.10-3.12",
                    "pass --python with a CPython 3.10-3.12"));
        }
        if (!facts[1].equals("1")) {
            return Result.err(Failure.environment(basePython + " was built without a shared libpython, which Jep needs",
                    "use a CPython built with --enable-shared (Debian's python3, pyenv with PYTHON_CONFIGURE_OPTS=--enable-shared)"));
        }
        if (!env.exists()) {
            progress.line("creating venv " + env.venvDir());
            Exec.Output venv = exec.run(List.of(basePython, "-m", "venv", env.venvDir().toString()));
            if (!venv.ok()) {
                return Result.err(Failure.environment("python -m venv failed: " + venv.tail(3), "check disk space and the venv module"));
            }
        }
        Exec inVenv = new Exec(null, Map.of("PIP_DISABLE_PIP_VERSION_CHECK", "1"));
        int pip;
        try (TimedStep step = TimedStep.start(progress, "installing " + lock.packageCount() + " packages from "
                + lock.file().getFileName(), "first time: several GB, mostly torch and CUDA libraries;"
                + " 2-3 min from pip's cache, longer while downloading")) {
            pip = inVenv.runInherited(List.of(env.python().toString(), "-m", "pip", "install", "--quiet",
                    "--requirement", lock.file().toString()));
        }
        if (pip != 0) {
            return Result.err(Failure.environment("pip could not install " + lock.file() + " (exit " + pip + ")",
                    "check access to PyPI; the output above names the package"));
        }
        Result<Void> jep = installJep(inVenv);
        if (jep instanceof Result.Err<Void> err) {
            return Result.err(err.failure());
        }
        try {
            Files.writeString(env.venvDir().resolve(STAMP), expectedStampFor(version) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot write " + STAMP + ": " + e.getMessage(), null));
        }
        return Result.ok(new Created(env, true));
    }

    private Result<Void> installJep(Exec inVenv) {
        Path javaHome = javaHomeWithHeaders();
        if (javaHome == null) {
            return Result.err(Failure.environment("Jep must be compiled against a JDK, and none with include/jni.h was found",
                    "set JAVA_HOME to a JDK 17 (not a JRE)"));
        }
        int code;
        try (TimedStep step = TimedStep.start(progress, "building jep==" + jepVersion, "against " + javaHome
                + "; about a minute")) {
            // --no-build-isolation: the build must see the venv's numpy to compile numpy support.
            code = inVenv.withEnv(Map.of("JAVA_HOME", javaHome.toString())).runInherited(List.of(
                    env.python().toString(), "-m", "pip", "install", "--quiet", "--no-build-isolation", "--no-deps",
                    "--no-cache-dir", "jep==" + jepVersion));
        }
        if (code != 0) {
            return Result.err(Failure.environment("building jep " + jepVersion + " failed (exit " + code + ")",
                    "install gcc and the Python headers, and point JAVA_HOME at a JDK"));
        }
        return Result.ok(null);
    }

    static Path javaHomeWithHeaders() {
        for (String candidate : new String[] {System.getenv("JAVA_HOME"), System.getProperty("java.home")}) {
            if (candidate != null && Files.isRegularFile(Path.of(candidate, "include", "jni.h"))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private String expectedStampFor(String pythonVersion) {
        return lock.digest(jepVersion, pythonVersion);
    }

    private java.util.Optional<String> readStamp() {
        try {
            return java.util.Optional.of(Files.readString(env.venvDir().resolve(STAMP), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Major.minor of the venv's interpreter, read from pyvenv.cfg without starting Python. */
    private String venvPythonVersion() {
        try {
            for (String line : Files.readAllLines(env.venvDir().resolve("pyvenv.cfg"))) {
                if (line.startsWith("version")) {
                    String v = line.substring(line.indexOf('=') + 1).strip();
                    String[] parts = v.split("\\.");
                    return parts[0] + "." + parts[1];
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "";
        }
        return "";
    }
}
