package dev.ltx2.orchestrator.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import jep.JepConfig;
import jep.MainInterpreter;
import jep.SharedInterpreter;

/**
 * The one embedded CPython of this JVM (docs/decisions.md): a single {@link SharedInterpreter}
 * created on a dedicated thread with a large stack, used only from that thread, closed once.
 */
public final class EmbeddedPython {
    /** dynamo and deep model code recurse far beyond the default 1 MB thread stack. */
    private static final long PYTHON_STACK_BYTES = 64L << 20;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Work done on the interpreter's thread; may throw anything, which is returned. */
    public interface Work<T> {
        T run(SharedInterpreter interpreter) throws Exception;
    }

    /** The value of {@code work}, or the throwable it raised (a JepException for Python errors). */
    public record Outcome<T>(T value, Throwable error) {}

    private EmbeddedPython() {}

    public static <T> Outcome<T> run(Path jepLibrary, List<Path> includePaths, Work<T> work) {
        if (!STARTED.compareAndSet(false, true)) {
            return new Outcome<>(null, new IllegalStateException("the embedded Python interpreter can start only once per JVM"));
        }
        AtomicReference<Outcome<T>> result = new AtomicReference<>();
        Thread python = new Thread(null, () -> {
            try {
                MainInterpreter.setJepLibraryPath(jepLibrary.toString());
                JepConfig config = new JepConfig();
                includePaths.forEach(p -> config.addIncludePaths(p.toString()));
                SharedInterpreter.setConfig(config);
                try (SharedInterpreter interp = new SharedInterpreter()) {
                    result.set(new Outcome<>(work.run(interp), null));
                }
            } catch (Throwable t) {
                result.set(new Outcome<>(null, t));
            }
        }, "python", PYTHON_STACK_BYTES);
        python.start();
        while (python.isAlive()) {
            try {
                python.join();
            } catch (InterruptedException ignored) {
                // Python cannot be interrupted safely; its caller's stop flag ends it
            }
        }
        return result.get();
    }
}
