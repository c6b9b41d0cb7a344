package dev.ltx2.orchestrator.lora;

import java.util.Map;

/** What {@code lora strip} did: modules removed or zeroed, per stream id. */
public record StripResult(String mode, int modules, int tensors, Map<String, Integer> modulesByStream) {}
