package dev.ltx2.orchestrator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.fork.RebaseReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orchestrator fork rebase-check --rev REV}: what moving the pin to REV would cost. */
@Command(name = "rebase-check", mixinStandardHelpOptions = true,
        description = {"Apply patches/series to another upstream revision in a scratch clone and report, per patch: "
                + "applies cleanly, with line offsets, only with --3way, already upstream, or conflicts (with the hunk). "
                + "The materialised fork is not touched.",
            "Exit status: 0 when fork apply would take every patch as it is at REV, 1 when some patch needs work, "
                + "2 when the check could not run."})
public final class ForkRebaseCheckCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Mixin UpstreamOption upstream;
    @Spec CommandSpec spec;

    @Option(names = "--rev", required = true, paramLabel = "REV",
            description = "Upstream commit, branch or tag to check against (a branch or tag is fetched from the source first).")
    String rev;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Workspace ws = new Workspace(cache.layout(), console);
        Result<RebaseReport> report = ws.pin()
                .then(pin -> ws.rebaseCheck().then(check -> check.check(upstream.orDefault(pin.defaultUrl()), rev)));
        if (report instanceof Result.Err<RebaseReport> err) {
            return console.fail(err.failure());
        }
        RebaseReport value = ((Result.Ok<RebaseReport>) report).value();
        if (json) {
            try {
                console.info(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the report is plain records and always serialises", e);
            }
        } else {
            console.out().print(RebaseReportText.render(value));
            console.out().flush();
        }
        return value.summary().forkApplyWouldSucceed() ? ExitCode.OK.code() : ExitCode.USER_ERROR.code();
    }
}
