package dev.ltx2.orchestrator.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads stream facts and decodability for many files at once (see {@link PyAvProbe}). */
public interface MediaProbe {
    /** A result for every file; files that cannot be probed get {@link MediaInfo#unreadable}. */
    Map<Path, MediaInfo> probe(List<Path> files);
}
