package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voice lab's reduced form through the product path ({@code orchestrator lab voice
 * --reduced}): the base is pretrained (or taken from the cache) and passes its gate, both arms'
 * configs pass the validator, both arms train on D1 and D2 and are evaluated from their saved
 * files, the negative control holds, the positive control is visible, and the results and plots are written. The full experiment's
 * numbers are a benchmark (docs/voice-lab.md), not asserted here.
 */
class VoiceLabIT {
    @BeforeEach
    void needsUpstream() {
        UpstreamAvailable.assume();
    }

    @Test
    void reducedLabPassesTheGateTrainsBothArmsAndKeepsTheNegativeControl(@TempDir Path work) throws Exception {
        Path results = work.resolve("results");
        Path log = work.resolve("lab.log");
        Process p = Launcher.start(work, log, "lab", "voice", "--reduced", "--out", results.toString());
        assertThat(p.waitFor(40, TimeUnit.MINUTES)).as("lab finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(log)).isZero();

        JsonNode summary = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        assertThat(summary.path("base").path("gate_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(summary.path("base").path("probe_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(summary.path("errors")).isEmpty();
        for (String dataset : new String[] {"D1", "D2"}) {
            for (String arm : new String[] {"upstream", "fork"}) {
                JsonNode row = summary.path("arms").path(dataset).path(arm);
                assertThat(row.path("base_drift").path("mean").isNumber()).as(dataset + " " + arm).isTrue();
                assertThat(row.path("char_mse_ratio").size()).as(dataset + " " + arm).isEqualTo(5);
            }
            assertThat(results.resolve("voice_lab_" + dataset + ".png")).isNotEmptyFile();
        }
        JsonNode negative = summary.path("controls").path("negative");
        assertThat(negative.path("runs").asInt()).isPositive();
        assertThat(negative.path("ok").asBoolean()).as(negative.toString()).isTrue();
        for (JsonNode positive : summary.path("controls").path("positive")) {
            assertThat(positive.path("visible").asBoolean()).as(positive.toString()).isTrue();
        }
        assertThat(summary.path("controls").path("positive").size()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("job configs valid");
    }
}
