package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.cli.ForkRebaseCheckCommand;
import dev.ltx2.orchestrator.core.Layout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fork rebase-check} end to end through picocli (here for {@link GitFixture}). */
class RebaseCheckCommandTest {
    @TempDir Path tmp;
    GitFixture fx;
    String pin;
    String moved;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
        pin = fx.commit("upstream", "toolkit/a.py", RebaseCheckTest.lines(), "toolkit/b.py", "b = 1\n");
        fx.patch("0001-conflict.patch", pin, "toolkit/a.py", RebaseCheckTest.lines(25, "twenty-five"));
        fx.patch("0002-clean.patch", pin, "toolkit/b.py", "b = 2\n");
        fx.pin(pin, "0001-conflict.patch", "0002-clean.patch");
        moved = fx.commit("upstream", "toolkit/a.py", RebaseCheckTest.lines(25, "25 upstream"));
        // The home is where patches/ lives; the fixture root has one.
        System.setProperty(Layout.HOME_PROPERTY, tmp.toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty(Layout.HOME_PROPERTY);
    }

    private int run(String... args) {
        CommandLine cli = new CommandLine(new ForkRebaseCheckCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void jsonReportHasAVerdictPerPatchAndTheExitCodeSaysWorkIsNeeded() throws IOException {
        int code = run("--cache-dir", tmp.resolve("cache").toString(), "--upstream", fx.upstream.toString(), "--rev", moved, "--json");

        assertThat(code).as(err.toString()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("revCommit").asText()).isEqualTo(moved);
        assertThat(report.get("patches")).hasSize(2);
        assertThat(report.get("patches").get(0).get("verdict").asText()).isEqualTo("conflict");
        assertThat(report.get("patches").get(0).get("conflicts").get(0).get("file").asText()).isEqualTo("toolkit/a.py");
        assertThat(report.get("patches").get(1).get("verdict").asText()).isEqualTo("clean");
        assertThat(report.get("summary").get("forkApplyWouldSucceed").asBoolean()).isFalse();
        assertThat(report.get("summary").get("counts").get("conflict").asInt()).isEqualTo(1);
    }

    @Test
    void textReportHasATableAndASummaryAndExitsZeroWhenNothingBlocks() {
        int conflicting = run("--cache-dir", tmp.resolve("cache").toString(), "--upstream", fx.upstream.toString(), "--rev", moved);
        assertThat(conflicting).isEqualTo(1);
        assertThat(out.toString())
                .contains("1  0001-conflict.patch  conflicts")
                .contains("conflict: toolkit/a.py: hunk #1 @@ -22,7 +22,7 @@")
                .contains("2  0002-clean.patch     applies cleanly")
                .contains("summary: 2 patches: 1 clean, 0 with line offsets, 0 only with --3way, 0 already upstream, 1 conflicting")
                .contains("would stop at 0001-conflict.patch");

        out.getBuffer().setLength(0);
        int atPin = run("--cache-dir", tmp.resolve("cache").toString(), "--upstream", fx.upstream.toString(), "--rev", pin);
        assertThat(atPin).as(err.toString()).isZero();
        assertThat(out.toString()).contains("is the pin").contains("would succeed with the series as it is");
    }

    @Test
    void revIsRequired() {
        assertThat(run("--cache-dir", tmp.resolve("cache").toString())).isNotZero();
        assertThat(err.toString()).contains("--rev");
    }
}
