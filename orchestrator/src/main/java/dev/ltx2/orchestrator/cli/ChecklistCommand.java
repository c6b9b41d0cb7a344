package dev.ltx2.orchestrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Files2;
import dev.ltx2.orchestrator.core.JunitReport;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.TimedStep;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import dev.ltx2.orchestrator.pyenv.ToolDoor;
import dev.ltx2.orchestrator.pyenv.ToolEvent;
import dev.ltx2.orchestrator.pyenv.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code orchestrator checklist}: the SOP's pre-handoff checklist (section 8, items 1-12) run
 * on tiny LTX-2 through the patched fork, PASS/FAIL per item with its evidence. Items 7 and 8
 * need CUDA and run only with {@code --gpu}; otherwise they are reported as not run.
 */
@Command(name = "checklist", mixinStandardHelpOptions = true,
        description = "Run the SOP's pre-handoff checklist (section 8) on tiny LTX-2 and print PASS/FAIL per item.")
public final class ChecklistCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Option(names = "--gpu", description = "Also run the CUDA items (7: compile, 8: VRAM with checkpointing).")
    boolean gpu;
    @Option(names = "--items", paramLabel = "N,N", description = "Only these item numbers.")
    String items = "";
    @Option(names = "--json", description = "Print the verdicts as JSON.")
    boolean json;
    @Option(names = "--junit", paramLabel = "FILE", description = "Also write one JUnit test case per item (NOT RUN as skipped).")
    Path junit;
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
        Path work = ws.layout().cache().resolve("checklist");
        Files2.deleteRecursively(work.resolve("runs"));
        Files.createDirectories(work);
        Path log = work.resolve("checklist.log");
        List<String> args = new ArrayList<>(List.of("--fork", env.forkDir().toString(), "--work", work.toString()));
        if (gpu) args.add("--gpu");
        if (!items.isBlank()) args.addAll(List.of("--items", items));
        StringBuilder printed = new StringBuilder();
        Result<ToolResult> answered;
        try (TimedStep step = TimedStep.start(console, "running the checklist on tiny LTX-2",
                "several short trainings, a few minutes; log: " + log)) {
            answered = new ToolDoor(env).call("checklist", args, event -> {
                if (event instanceof ToolEvent.Progress p) {
                    step.update(p.message());
                } else if (event instanceof ToolEvent.Log l) {
                    printed.append(l.line()).append('\n');
                }
            });
        }
        if (answered instanceof Result.Err<ToolResult> e) {
            Files.writeString(log, printed + e.failure().message() + "\n" + e.failure().detail().orElse(""));
            return console.fail(ToolDoor.explained(e.failure(), "the checklist did not finish", null));
        }
        ToolResult done = ((Result.Ok<ToolResult>) answered).value();
        Files.writeString(log, printed + done.stderr());
        JsonNode results = done.value().path("verdicts");
        if (json) {
            console.info(results.toPrettyString());
        } else {
            print(console, results);
        }
        List<JunitReport.Case> cases = junitCases(results);
        if (junit != null) JunitReport.write(junit, "checklist", cases);
        boolean failed = cases.stream().anyMatch(c -> c.outcome() == JunitReport.Outcome.FAILED);
        return failed ? ExitCode.USER_ERROR.code() : ExitCode.OK.code();
    }

    /**
     * One case per verdict of {@code ltx2_tools.checklist} (the door's {@code result}: its
     * {@code verdicts}): PASS passes, FAIL fails, and anything else (NOT RUN: the CUDA items without {@code --gpu}) is a skip, so an item that
     * did not run is never counted as passed. The message is the status and the first line of
     * the evidence, or what the item checks when it has none (a NOT RUN item says there why).
     */
    static List<JunitReport.Case> junitCases(JsonNode verdicts) {
        List<JunitReport.Case> cases = new ArrayList<>();
        for (JsonNode v : verdicts) {
            String status = v.path("status").asText();
            String evidence = v.path("evidence").isArray() && !v.path("evidence").isEmpty()
                    ? v.path("evidence").get(0).asText().lines().findFirst().orElse("") : "";
            String reason = evidence.isBlank() ? v.path("checks").asText() : evidence;
            cases.add(new JunitReport.Case(v.path("number").asInt() + ". " + v.path("title").asText(),
                    switch (status) {
                        case "PASS" -> JunitReport.Outcome.PASSED;
                        case "FAIL" -> JunitReport.Outcome.FAILED;
                        default -> JunitReport.Outcome.SKIPPED;
                    }, status + (reason.isBlank() ? "" : ": " + reason)));
        }
        return cases;
    }

    private static void print(Console console, JsonNode results) {
        for (JsonNode v : results) {
            console.info(String.format(Locale.ROOT, "%2d  %-8s %s", v.path("number").asInt(), v.path("status").asText(),
                    v.path("title").asText()));
            console.info("              checks: " + v.path("checks").asText());
            for (JsonNode e : v.path("evidence")) {
                if (!e.asText().isBlank()) {
                    console.info("              " + e.asText().lines().findFirst().orElse(""));
                }
            }
        }
    }
}
