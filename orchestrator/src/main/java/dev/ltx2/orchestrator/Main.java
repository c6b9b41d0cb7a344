package dev.ltx2.orchestrator;

import dev.ltx2.orchestrator.cli.BenchStepCommand;
import dev.ltx2.orchestrator.cli.ChecklistCommand;
import dev.ltx2.orchestrator.cli.DatasetCommand;
import dev.ltx2.orchestrator.cli.EnvCommand;
import dev.ltx2.orchestrator.cli.ForkCommand;
import dev.ltx2.orchestrator.cli.LabCommand;
import dev.ltx2.orchestrator.cli.HelpCommand;
import dev.ltx2.orchestrator.cli.ReportCommand;
import dev.ltx2.orchestrator.cli.LoraCommand;
import dev.ltx2.orchestrator.cli.PathsCommand;
import dev.ltx2.orchestrator.cli.SchemaCommand;
import dev.ltx2.orchestrator.cli.TestReportCommand;
import dev.ltx2.orchestrator.cli.TrainCommand;
import dev.ltx2.orchestrator.cli.UiCommand;
import dev.ltx2.orchestrator.cli.ValidateCommand;
import dev.ltx2.orchestrator.cli.VersionProvider;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code orchestrator}: the LTX-2 character LoRA trainer over a patched ai-toolkit. */
@Command(name = "orchestrator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Train LTX-2 character LoRAs (look and voice) with a patched ai-toolkit.",
        subcommands = {
            TrainCommand.class,
            ForkCommand.class,
            EnvCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            DatasetCommand.class,
            LoraCommand.class,
            ChecklistCommand.class,
            LabCommand.class,
            ReportCommand.class,
            BenchStepCommand.class,
            UiCommand.class,
            PathsCommand.class,
            TestReportCommand.class,
            HelpCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable root = Failure.rootCause(ex);
            cmd.getErr().println("internal error: " + root + (root == ex ? "" : " (in: " + ex + ")"));
            ex.printStackTrace(cmd.getErr());
            return ExitCode.ENVIRONMENT_ERROR.code();
        });
        cli.setParameterExceptionHandler((ex, args2) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("see: " + cmd.getCommandSpec().qualifiedName() + " --help");
            return ExitCode.USER_ERROR.code();
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
