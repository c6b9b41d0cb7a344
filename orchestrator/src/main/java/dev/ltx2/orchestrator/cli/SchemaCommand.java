package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator schema ...}: the config schema for editors and docs. */
@Command(name = "schema", description = "Export the job config schema (JSON Schema or the docs key table).",
        mixinStandardHelpOptions = true, subcommands = {SchemaExportCommand.class})
public final class SchemaCommand {}
