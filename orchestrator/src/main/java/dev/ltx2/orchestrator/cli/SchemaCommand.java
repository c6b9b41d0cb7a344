package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator schema ...}: the config schema for editors and docs. */
@Command(name = "schema", description = "Export the job config schema (JSON Schema, docs, Python or UI key table); generate the committed copies.",
        mixinStandardHelpOptions = true, subcommands = {SchemaExportCommand.class, SchemaGenerateCommand.class})
public final class SchemaCommand {}
