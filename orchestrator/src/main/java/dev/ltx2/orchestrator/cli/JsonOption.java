package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Option;

/** {@code --json}: machine-readable output on stdout instead of the human report. */
public final class JsonOption {
    @Option(names = "--json", description = "Print a JSON report on stdout (for tools and CI).")
    boolean json;

    public boolean enabled() {
        return json;
    }
}
