package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator lab ...}: controlled experiments on tiny LTX-2 that answer a question with numbers. */
@Command(name = "lab", description = "Controlled experiments on tiny LTX-2 (docs/voice-lab.md).",
        mixinStandardHelpOptions = true, subcommands = {LabVoiceCommand.class})
public final class LabCommand {}
