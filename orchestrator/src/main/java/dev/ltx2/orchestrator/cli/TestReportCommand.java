package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator test-report ...}: {@code bin/test}'s JUnit reports and its closing table. */
@Command(name = "test-report", description = "Write and summarise JUnit XML test reports (bin/test's table).",
        mixinStandardHelpOptions = true,
        subcommands = {TestReportCaseCommand.class, TestReportSummaryCommand.class})
public final class TestReportCommand {}
