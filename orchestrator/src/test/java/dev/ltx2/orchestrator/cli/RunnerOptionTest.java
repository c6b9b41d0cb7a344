package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.cli.RunnerOption.Kind;
import org.junit.jupiter.api.Test;

class RunnerOptionTest {
    @Test
    void autoTrainsInAChildOnCudaAndInProcessElsewhere() {
        assertThat(RunnerOption.resolve(Kind.auto, "cuda")).isEqualTo(Kind.subprocess);
        assertThat(RunnerOption.resolve(Kind.auto, "cuda:1")).isEqualTo(Kind.subprocess);
        assertThat(RunnerOption.resolve(Kind.auto, "cpu")).isEqualTo(Kind.jep);
    }

    @Test
    void anExplicitRunnerIsKeptWhateverTheDevice() {
        assertThat(RunnerOption.resolve(Kind.jep, "cuda")).isEqualTo(Kind.jep);
        assertThat(RunnerOption.resolve(Kind.subprocess, "cpu")).isEqualTo(Kind.subprocess);
    }
}
