package dev.ltx2.orchestrator.lora;

import java.util.List;

/**
 * One stream's modules: how many, the KJNodes sliders that control them, and the Frobenius
 * norm of all their deltas together (sqrt of the sum of squared module norms).
 */
public record StreamSummary(String id, String label, int modules, List<String> kjnodesSliders, Double deltaNorm,
                            String largestModule, Double largestNorm, int notMeasured) {}
