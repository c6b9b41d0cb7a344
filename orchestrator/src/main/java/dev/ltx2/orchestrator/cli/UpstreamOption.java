package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Option;

/** {@code --upstream}: the ai-toolkit source to clone, a git URL or a local path. */
public final class UpstreamOption {
    @Option(names = "--upstream", paramLabel = "URL|PATH",
            description = "ai-toolkit git URL or local clone (default: the url in patches/upstream.properties).")
    String upstream;

    public String orDefault(String defaultUrl) {
        return upstream != null ? upstream : defaultUrl;
    }
}
