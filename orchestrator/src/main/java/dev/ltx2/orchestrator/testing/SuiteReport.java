package dev.ltx2.orchestrator.testing;

import java.util.List;

/** The cases of one report file, under the suite name the summary table shows. */
public record SuiteReport(String suite, List<JunitCase> cases) {}
