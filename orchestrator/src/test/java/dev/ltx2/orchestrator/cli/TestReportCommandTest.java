package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code test-report case} and {@code summary} as {@code bin/test} calls them. */
class TestReportCommandTest {
    @TempDir Path dir;

    @Test
    void aCaseReportIsOneSkippedOrFailedCaseThatTheSummaryCounts() throws Exception {
        Path ui = dir.resolve("reports/ui.xml");
        Path verify = dir.resolve("reports/fork-verify.xml");
        CliRun skipped = CliRun.of("test-report", "case", "--suite", "ui", "--skipped", "no Chromium: <apt> & \"npm\"",
                "--out", ui.toString());
        CliRun failed = CliRun.of("test-report", "case", "--suite", "fork verify",
                "--failed=-not run: fork apply failed (exit 1)", "--out", verify.toString());
        assertThat(skipped.code()).as(skipped.err()).isZero();
        assertThat(failed.code()).as(failed.err()).isZero();

        CliRun summary = CliRun.of("test-report", "summary", dir.resolve("reports/ui.xml").toString(), verify.toString(),
                dir.resolve("absent/surefire-reports").toString());
        assertThat(summary.code()).isEqualTo(1);
        assertThat(summary.out())
                .contains("fork verify (SOP A-Z)                   0       1        0\n")
                .contains("web UI (browser)                        0       0        1\n")
                .contains("  fork verify (SOP A-Z): fork verify.suite: -not run: fork apply failed (exit 1)\n")
                .contains("  web UI (browser): ui.suite: no Chromium: <apt> & \"npm\"\n");
    }

    @Test
    void onlyPassesAndSkipsExitZero() throws Exception {
        Path ui = dir.resolve("ui.xml");
        assertThat(CliRun.of("test-report", "case", "--suite", "ui", "--skipped", "no node", "--out", ui.toString()).code()).isZero();
        CliRun summary = CliRun.of("test-report", "summary", dir.toString(), ui.toString());
        assertThat(summary.code()).isZero();
        assertThat(summary.out()).startsWith("\nsuite ").doesNotContain("failed (");
    }

    @Test
    void aCaseNeedsExactlyOneVerdict() {
        Path out = dir.resolve("x.xml");
        CliRun both = CliRun.of("test-report", "case", "--suite", "ui", "--skipped", "a", "--failed", "b", "--out", out.toString());
        CliRun none = CliRun.of("test-report", "case", "--suite", "ui", "--out", out.toString());
        assertThat(both.code()).isEqualTo(1);
        assertThat(none.code()).isEqualTo(1);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(out).doesNotExist();
    }
}
