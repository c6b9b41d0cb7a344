package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator dataset ...}: the clips a job trains on. */
@Command(name = "dataset", description = "Inspect the datasets of a job config.",
        mixinStandardHelpOptions = true, subcommands = {DatasetCheckCommand.class})
public final class DatasetCommand {}
