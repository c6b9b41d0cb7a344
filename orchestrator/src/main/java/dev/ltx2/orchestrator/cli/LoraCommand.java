package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator lora ...}: look inside LoRA files and fix the common problems. */
@Command(name = "lora", description = "Inspect LoRA files and strip streams from them.",
        mixinStandardHelpOptions = true,
        subcommands = {LoraInspectCommand.class, LoraStripCommand.class})
public final class LoraCommand {}
