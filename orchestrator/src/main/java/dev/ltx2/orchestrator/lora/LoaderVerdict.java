package dev.ltx2.orchestrator.lora;

import java.util.List;

/**
 * How one inference loader would treat the file: {@code ok} (every module applied as
 * trained), {@code caveats} (applied, but some user setting behaves unexpectedly),
 * {@code partial} (some modules ignored or applied differently) or {@code fails}
 * (refused, or nothing applied).
 */
public record LoaderVerdict(String loader, String verdict, List<String> reasons) {}
