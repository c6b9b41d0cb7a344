package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.JunitReport;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.ForkState;
import dev.ltx2.orchestrator.fork.ItemTests;
import dev.ltx2.orchestrator.fork.PatchSeries;
import dev.ltx2.orchestrator.fork.SeriesConsistency;
import dev.ltx2.orchestrator.fork.SopItems;
import dev.ltx2.orchestrator.fork.UpstreamPin;
import java.io.IOException;
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
 * {@code orchestrator fork verify}: the series applies to the pin, agrees with the SOP item
 * table, and every item's tests pass against the patched fork on tiny LTX-2 2.0 and 2.3.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the series against patches/sop-items.yaml, apply it, run each SOP item's tests "
                + "and print the table of items A-Z with their status.")
public final class ForkVerifyCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Option(names = "--no-tests", description = "Structural checks and apply only.")
    boolean noTests;
    @Option(names = "--results", paramLabel = "JUNIT_XML",
            description = "Read the outcomes from this pytest JUnit report of python-env/tests, run against the same fork, "
                    + "instead of running the item tests again.")
    Path results;
    @Option(names = "--junit", paramLabel = "FILE", description = "Also write one JUnit test case per item and infrastructure patch.")
    Path junit;
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<UpstreamPin> pin = ws.pin();
        Result<PatchSeries> series = PatchSeries.load(ws.layout().patchesDir());
        Result<SopItems> sop = SopItems.load(ws.layout().patchesDir());
        if (pin instanceof Result.Err<UpstreamPin> e) return console.fail(e.failure());
        if (series instanceof Result.Err<PatchSeries> e) return console.fail(e.failure());
        if (sop instanceof Result.Err<SopItems> e) return console.fail(e.failure());
        SopItems items = ((Result.Ok<SopItems>) sop).value();
        List<String> problems = SeriesConsistency.problems(((Result.Ok<PatchSeries>) series).value(), items,
                ((Result.Ok<UpstreamPin>) pin).value());
        problems.forEach(p -> console.err().println("problem: " + p));

        Result<ForkState> fork = ws.ensureFork(upstream.upstream);
        if (fork instanceof Result.Err<ForkState> e) return console.fail(e.failure());
        console.info("series applies to " + ((Result.Ok<UpstreamPin>) pin).value().shortCommit() + ": "
                + ((Result.Ok<PatchSeries>) series).value().patches().size() + " patches");

        ItemTests.Results results = null;
        if (!noTests) {
            Result<?> env = ws.ensureEnv("python3");
            if (env instanceof Result.Err<?> e) return console.fail(e.failure());
            if (this.results != null && !java.nio.file.Files.isRegularFile(this.results)) {
                return console.fail(Failure.user("no pytest report at " + this.results,
                        "run pytest with --junitxml=FILE in python-env/, or drop --results"));
            }
            results = this.results != null
                    ? ItemTests.read(this.results)
                    : ItemTests.run(ws.pythonEnv(), ws.layout().pythonEnvDir(), items.allTests(), console);
            if (results.byNodeId().isEmpty()) {
                return console.fail(Failure.environment("pytest reported no tests", null).withDetail(results.log()));
            }
        }
        List<JunitReport.Case> verdicts = new ArrayList<>();
        boolean ok = problems.isEmpty() & printTable(console, items, results, verdicts);
        problems.forEach(p -> verdicts.add(new JunitReport.Case("series consistency", JunitReport.Outcome.FAILED, p)));
        if (junit != null) JunitReport.write(junit, "fork verify", verdicts);
        return ok ? ExitCode.OK.code() : ExitCode.USER_ERROR.code();
    }

    private static boolean printTable(Console console, SopItems items, ItemTests.Results results,
            List<JunitReport.Case> verdicts) {
        boolean allGood = true;
        console.info(String.format(Locale.ROOT, "%-4s %-10s %-8s %-22s %s", "item", "status", "patches", "tests", "title"));
        for (SopItems.Item item : items.items()) {
            String tests = "not run";
            boolean itemGood = item.done();
            if (results != null) {
                int passed = 0, failed = 0, skipped = 0, missing = 0;
                for (String id : item.tests()) {
                    List<ItemTests.Outcome> outcomes = results.select(id);
                    if (outcomes.isEmpty()) missing++;
                    for (ItemTests.Outcome o : outcomes) {
                        switch (o) {
                            case PASSED -> passed++;
                            case FAILED -> failed++;
                            case SKIPPED -> skipped++;
                        }
                    }
                }
                tests = passed + " passed" + (failed > 0 ? ", " + failed + " failed" : "")
                        + (skipped > 0 ? ", " + skipped + " skipped" : "") + (missing > 0 ? ", " + missing + " missing" : "");
                itemGood &= failed == 0 && skipped == 0 && missing == 0 && (passed > 0 || !item.done());
            }
            allGood &= itemGood;
            verdicts.add(new JunitReport.Case("SOP " + item.id() + " (" + item.status() + "): " + item.title(),
                    results == null ? JunitReport.Outcome.SKIPPED : itemGood ? JunitReport.Outcome.PASSED : JunitReport.Outcome.FAILED,
                    results == null ? "--no-tests" : tests));
            console.info(String.format(Locale.ROOT, "%-4s %-10s %-8s %-22s %s%s", item.id(), item.status(),
                    item.patches().isEmpty() ? "-" : String.valueOf(item.patches().size()), tests, item.title(),
                    itemGood ? "" : "   <-- not done"));
        }
        for (SopItems.InfraPatch infra : items.infrastructure()) {
            if (results != null) {
                boolean good = infra.tests().stream().allMatch(t -> !results.select(t).isEmpty()
                        && results.select(t).stream().allMatch(o -> o == ItemTests.Outcome.PASSED));
                allGood &= good;
                verdicts.add(new JunitReport.Case("infrastructure " + infra.patch(),
                        good ? JunitReport.Outcome.PASSED : JunitReport.Outcome.FAILED, "tests not green"));
                console.info(String.format(Locale.ROOT, "%-4s %-10s %s%s", "-", "infra", infra.patch(), good ? "" : "   <-- tests not green"));
            }
        }
        return allGood;
    }
}
