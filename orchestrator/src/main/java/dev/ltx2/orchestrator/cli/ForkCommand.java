package dev.ltx2.orchestrator.cli;

import picocli.CommandLine.Command;

/** {@code orchestrator fork ...}: the patched upstream (the maintained fork). */
@Command(name = "fork", description = "Materialise and inspect the patched ai-toolkit fork.",
        mixinStandardHelpOptions = true,
        subcommands = {ForkApplyCommand.class, ForkVerifyCommand.class, ForkExportCommand.class, ForkRebaseCheckCommand.class,
                ForkBaseCommand.class, ForkLockfileDeltaCommand.class})
public final class ForkCommand {}
