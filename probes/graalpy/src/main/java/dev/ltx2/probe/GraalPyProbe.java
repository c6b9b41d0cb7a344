package dev.ltx2.probe;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * What GraalPy can and cannot do for this project, on our JDK 17: pure Python runs; the
 * trainer's stack does not, because torch is a CPython extension (docs/decisions.md).
 */
public final class GraalPyProbe {
    private GraalPyProbe() {}

    public static void main(String[] args) {
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        try (Context py = Context.newBuilder("python").allowAllAccess(true).build()) {
            Value version = py.eval("python", "import sys, platform; sys.version + ' | ' + platform.python_implementation()");
            System.out.println("graalpy: " + version.asString());
            Value pure = py.eval("python", String.join("\n",
                    "import json, math, statistics",
                    "losses = [0.9 * math.exp(-step / 20) for step in range(30)]",
                    "json.dumps({'steps': len(losses), 'mean': round(statistics.fmean(losses), 6)})"));
            System.out.println("pure python: ok " + pure.asString());
            // A C extension loads only when its file name carries one of these suffixes: GraalPy
            // builds extensions against its own emulation of the C API, not CPython's binary ABI.
            System.out.println("extension suffixes: " + py.eval("python",
                    "import importlib.machinery as m; ' '.join(m.EXTENSION_SUFFIXES)").asString());
            if (args.length > 0) {
                py.eval("python", "import sys; sys.path.append(" + pyString(args[0]) + ")");
                System.out.println("sys.path += " + args[0] + " (a CPython venv's site-packages)");
                System.out.println("torch/_C there: " + py.eval("python", String.join("\n",
                        "import glob, os",
                        "' '.join(sorted(os.path.basename(p) for p in glob.glob(os.path.join(" + pyString(args[0])
                                + ", 'torch', '_C*.so'))))")).asString());
            }
            try {
                Value torch = py.eval("python", "import torch; torch.__version__");
                System.out.println("import torch: ok " + torch);
            } catch (PolyglotException e) {
                System.out.println("import torch: FAILED " + e.getMessage());
            }
        }
    }

    private static String pyString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
