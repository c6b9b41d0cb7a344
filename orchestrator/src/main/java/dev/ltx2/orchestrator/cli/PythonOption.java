package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Option;

/** {@code --python}: the base interpreter a new venv is made from. */
public final class PythonOption {
    @Option(names = "--python", paramLabel = "EXE", defaultValue = "python3",
            description = "CPython 3.10-3.12 with a shared libpython, used to create the venv (default: ${DEFAULT-VALUE}).")
    String python;
}
