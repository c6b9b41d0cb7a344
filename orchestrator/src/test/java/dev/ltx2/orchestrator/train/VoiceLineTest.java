package dev.ltx2.orchestrator.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.runner.TrainingEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The voice report's event (ltx2_character.report.reporter.event) on the console. */
class VoiceLineTest {
    static final String MEASUREMENT = "{\"type\":\"voice\",\"step\":250,\"line\":\"voice: learned \u221218% \u00b7 base drift 0.6%\","
            + "\"audio_learned\":0.82,\"audio_drift\":0.006,\"video_learned\":0.9,\"video_drift\":0.01,\"seconds\":3.5,"
            + "\"warnings\":[{\"code\":\"drift_rising\",\"message\":\"the base voice drifts more at every report\","
            + "\"fix\":\"set train.voice_preservation: base\"}]}";

    @Test
    void decodesTheLineAndItsWarnings() {
        var event = (TrainingEvent.Voice) TrainingEvent.decode(MEASUREMENT);
        assertThat(event.step()).isEqualTo(250);
        assertThat(event.line()).isEqualTo("voice: learned \u221218% \u00b7 base drift 0.6%");
        assertThat(event.warnings()).containsExactly(new TrainingEvent.VoiceWarning("drift_rising",
                "the base voice drifts more at every report", "set train.voice_preservation: base"));
        var note = (TrainingEvent.Voice) TrainingEvent.decode(
                "{\"type\":\"voice\",\"step\":0,\"line\":\"voice report: set aside from training (held out): talk_1.mp4\",\"warnings\":[]}");
        assertThat(note.warnings()).isEmpty();
    }

    @Test
    void printsTheLineOnItsOwnLineAfterTheProgressLineWithEachWarningAndItsFix() {
        var bytes = new ByteArrayOutputStream();
        var progress = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.accept(new TrainingEvent.Step(250, 1000, 2.0, OptionalDouble.empty(), OptionalDouble.of(0.1),
                OptionalDouble.of(0.2), Map.of()));
        progress.accept(TrainingEvent.decode(MEASUREMENT));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ETA").endsWith("\nvoice: learned \u221218% \u00b7 base drift 0.6%\n"
                + "warning: the base voice drifts more at every report\n  fix: set train.voice_preservation: base\n");
    }
}
