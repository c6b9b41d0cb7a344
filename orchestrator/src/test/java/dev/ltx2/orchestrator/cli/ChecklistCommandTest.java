package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.JunitReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the checklist's verdicts (as {@code ltx2_tools.checklist} writes them) become JUnit cases. */
class ChecklistCommandTest {
    @Test
    void notRunItemsAreSkippedWithTheirReasonAndFailuresFail() throws Exception {
        String verdicts = """
                [
                  {"number": 6, "title": "strict_audio_mode", "status": "PASS", "checks": "halts", "evidence": ["steps: 2"]},
                  {"number": 7, "title": "model.compile: true", "status": "FAIL", "checks": "faster",
                   "evidence": ["median steady step s: eager 0.1000, compiled 0.1200 (not faster)", "log: compiled"]},
                  {"number": 8, "title": "VRAM with gradient checkpointing on/off", "status": "NOT RUN",
                   "checks": "needs CUDA (run with --gpu)", "evidence": []}
                ]
                """;
        List<JunitReport.Case> cases = ChecklistCommand.junitCases(new ObjectMapper().readTree(verdicts));
        assertThat(cases).extracting(JunitReport.Case::outcome).containsExactly(
                JunitReport.Outcome.PASSED, JunitReport.Outcome.FAILED, JunitReport.Outcome.SKIPPED);
        assertThat(cases.get(1).message()).isEqualTo("FAIL: median steady step s: eager 0.1000, compiled 0.1200 (not faster)");
        assertThat(cases.get(2).name()).isEqualTo("8. VRAM with gradient checkpointing on/off");
        assertThat(cases.get(2).message()).isEqualTo("NOT RUN: needs CUDA (run with --gpu)");
    }
}
