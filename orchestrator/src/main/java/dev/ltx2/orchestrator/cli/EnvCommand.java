package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator env ...}: the Python environment the trainer runs in. */
@Command(name = "env", description = "Create and check the trainer's Python environment.",
        mixinStandardHelpOptions = true,
        subcommands = {EnvCreateCommand.class, EnvCheckCommand.class})
public final class EnvCommand {}
