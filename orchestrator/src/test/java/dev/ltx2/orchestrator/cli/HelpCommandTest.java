package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code help} walks the whole command path, as {@code COMMAND... --help} does. */
class HelpCommandTest {

    @Test
    void helpForkVerifyPrintsVerifysOwnHelp() {
        CliRun viaHelp = CliRun.of("help", "fork", "verify");
        CliRun viaOption = CliRun.of("fork", "verify", "--help");
        assertThat(viaHelp.code()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: orchestrator fork verify").contains("--results");
        assertThat(viaHelp.out()).isEqualTo(viaOption.out());
    }

    @Test
    void helpOfOneLevelAndOfNothingStillWork() {
        assertThat(CliRun.of("help", "fork").out()).startsWith("Usage: orchestrator fork").contains("verify");
        assertThat(CliRun.of("help").out()).startsWith("Usage: orchestrator").contains("train");
    }

    @Test
    void anUnknownCommandPathIsAUserErrorNamingTheChoices() {
        CliRun r = CliRun.of("help", "fork", "verfy");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Unknown command: 'fork verfy'").contains("verify");
    }
}
