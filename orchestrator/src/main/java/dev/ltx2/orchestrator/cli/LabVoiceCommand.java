package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import dev.ltx2.orchestrator.pyenv.ToolDoor;
import dev.ltx2.orchestrator.pyenv.ToolEvent;
import dev.ltx2.orchestrator.pyenv.ToolResult;
import dev.ltx2.schema.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator lab voice}: the voice lab (docs/voice-lab.md). Prepares the gated base and
 * the datasets, writes every arm's job config, validates each one with the same validator as
 * {@code train} (a config that {@code train} would refuse never trains here either), then trains
 * and evaluates the arms through the bridge both runners use, and writes the results.
 */
@Command(name = "voice", mixinStandardHelpOptions = true,
        description = "Does the fork keep the base voice and learn the character's? Arms x datasets x seeds on a "
                + "tiny LTX-2 base that has voices; paired comparison with upstream, plots, JSON.")
public final class LabVoiceCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Option(names = "--seeds", description = "Training seeds per arm (default: ${DEFAULT-VALUE}).")
    int seeds = 5;
    @Option(names = "--arms", split = ",", paramLabel = "NAME,NAME", description = "Arms to run (default: all).")
    List<String> arms = new ArrayList<>();
    @Option(names = "--parallel", description = "Trainings at once (default: ${DEFAULT-VALUE}).")
    int parallel = 1;
    @Option(names = "--steps", description = "LoRA training steps per arm (default: the lab's budget).")
    Integer steps;
    @Option(names = "--reduced", description = "CI's form: one seed, upstream and fork arms, 40 steps; checks the "
            + "machinery, the gate and the negative control, not the final numbers.")
    boolean reduced;
    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: CACHE/lab/voice/results).")
    Path out;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<PythonEnv> ready = ws.ensureEnvAndFork(upstream.upstream);
        if (ready instanceof Result.Err<PythonEnv> e) {
            return console.fail(e.failure());
        }
        PythonEnv env = ((Result.Ok<PythonEnv>) ready).value();
        Path work = ws.layout().cache().resolve("lab").resolve("voice");
        Files.createDirectories(work);
        List<String> args = arguments(env, work);
        ToolDoor door = new ToolDoor(env);

        console.progress("voice lab: preparing the gated base (cached; first time several minutes) and the arms' configs");
        List<String> prepare = new ArrayList<>(args);
        prepare.add("--configs-only");
        Result<ToolResult> prepared = door.call("lab-voice", prepare, event -> { });
        if (prepared instanceof Result.Err<ToolResult> e) {
            return console.fail(ToolDoor.explained(e.failure(), "the voice lab could not prepare its base model or configs",
                    null));
        }
        ToolResult configsDone = ((Result.Ok<ToolResult>) prepared).value();
        if (!configsDone.ok()) {
            return console.fail(Failure.environment("the voice lab could not prepare its base model or configs", null)
                    .withDetail(configsDone.stderrTail(20)));
        }
        List<Path> configs = new ArrayList<>();
        configsDone.value().path("configs").forEach(c -> configs.add(Path.of(c.asText())));
        if (configs.isEmpty()) {
            return console.fail(Failure.environment("the voice lab wrote no job configs", null)
                    .withDetail(configsDone.stderrTail(20)));
        }
        for (Path config : configs) {
            ValidationReport report = JobValidation.validate(config, ws.layout());
            if (!report.valid()) {
                JobValidation.printHuman(report.errors(), spec.commandLine().getErr());
                return console.fail(Failure.user("an arm's job config is invalid: " + config,
                        "fix ltx2_tools/lab/voice/arms.py so that every arm trains a config the validator accepts"));
            }
        }
        console.progress("voice lab: " + configs.size() + " job configs valid; training and evaluating");
        // The lab's printed lines (each training, the results table) are its progress: shown as they come.
        Result<ToolResult> ran = door.call("lab-voice", args, event -> {
            if (event instanceof ToolEvent.Log l) {
                console.info(l.line());
            }
        });
        if (ran instanceof Result.Err<ToolResult> e) {
            if (e.failure().exitCode() == ExitCode.INTERRUPTED) {
                return ExitCode.INTERRUPTED.code();
            }
            console.fail(e.failure());
            return ExitCode.TRAINING_FAILED.code();
        }
        ToolResult done = ((Result.Ok<ToolResult>) ran).value();
        if (!done.ok()) {
            spec.commandLine().getErr().print(done.stderr()); // the lab names each failed arm there
        }
        return done.ok() ? ExitCode.OK.code() : done.exitCode() == 130 ? 130 : ExitCode.TRAINING_FAILED.code();
    }

    /** {@code run …} for {@code python -m ltx2_tools lab-voice}, as {@code python -m ltx2_tools.lab.voice} takes it. */
    private List<String> arguments(PythonEnv env, Path work) {
        List<String> cmd = new ArrayList<>(List.of("run",
                "--fork", env.forkDir().toString(), "--work", work.toString(), "--seeds", Integer.toString(seeds),
                "--parallel", Integer.toString(parallel)));
        if (!arms.isEmpty()) {
            cmd.add("--arms");
            cmd.addAll(arms);
        }
        if (steps != null) cmd.addAll(List.of("--steps", steps.toString()));
        if (reduced) cmd.add("--reduced");
        if (out != null) cmd.addAll(List.of("--out", out.toAbsolutePath().toString()));
        return cmd;
    }
}
