package dev.ltx2.orchestrator.fork;

import java.nio.file.Path;
import java.util.List;

/** A materialised fork: the patched upstream tree the trainer imports. */
public record ForkState(Path dir, String commit, String seriesDigest, List<String> excludedPaths, boolean changed) {}
