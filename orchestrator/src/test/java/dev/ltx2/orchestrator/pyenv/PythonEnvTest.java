package dev.ltx2.orchestrator.pyenv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PythonEnvTest {
    @Test
    void theCallersPythonPathFollowsOurs() {
        assertThat(PythonEnv.after("/src:/fork", "/site/extra")).isEqualTo("/src:/fork:/site/extra");
    }

    @Test
    void noCallerPathLeavesOursAlone() {
        assertThat(PythonEnv.after("/src:/fork", null)).isEqualTo("/src:/fork");
        assertThat(PythonEnv.after("/src:/fork", " ")).isEqualTo("/src:/fork");
    }
}
