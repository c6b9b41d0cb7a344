package dev.ltx2.orchestrator.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.runner.TrainingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressAndLossLogTest {
    @TempDir Path dir;

    static TrainingEvent.Step step(int n, Double audio) {
        return new TrainingEvent.Step(n, 30, 2.0, OptionalDouble.of(1e-4), OptionalDouble.of(0.1234),
                audio == null ? OptionalDouble.empty() : OptionalDouble.of(audio),
                audio == null ? Map.of() : Map.of("loss/audio_scaled", audio * 0.5, "audio/multiplier", 0.5));
    }

    @Test
    void progressLineShowsStepLossesLrSpeedAndEta() {
        assertThat(ProgressLine.format(step(10, 1.5), 2.0))
                .isEqualTo("step 10/30 | video 0.1234 | audio 1.5000 | lr 1.0e-04 | 2.00 s/step | ETA 0:40");
        assertThat(ProgressLine.format(step(10, null), 2.0)).contains("audio -");
    }

    @Test
    void nonInteractiveProgressPrintsOneLinePerStep() {
        var bytes = new ByteArrayOutputStream();
        var line = new ProgressLine(new PrintStream(bytes, true), false);
        line.accept(step(1, 1.0));
        line.accept(step(2, 1.0));
        assertThat(bytes.toString().lines()).hasSize(2);
    }

    @Test
    void noticesFromTheTrainerAreShownAsWarnings() {
        var bytes = new ByteArrayOutputStream();
        new ProgressLine(new PrintStream(bytes, true), false)
                .accept(TrainingEvent.decode("{\"type\":\"notice\",\"message\":\"checkpoint /o/j_10.safetensors is broken\"}"));
        assertThat(bytes.toString()).isEqualTo("warning: checkpoint /o/j_10.safetensors is broken" + System.lineSeparator());
    }

    @Test
    void lossLogWritesTheHeaderOnceAndAppendsOnResume() throws IOException {
        try (var log = new LossLog(dir)) {
            log.accept(step(1, 1.5));
            log.accept(new TrainingEvent.Finished(1));
        }
        try (var log = new LossLog(dir)) {
            log.accept(step(2, null));
        }
        assertThat(Files.readAllLines(dir.resolve(LossLog.FILE_NAME)))
                .containsExactly(LossLog.HEADER, "1,0.1234,1.5,0.75,0.5,,1.0E-4,2.0000", "2,0.1234,,,,,1.0E-4,2.0000");
    }

    @Test
    void aResumeFromAnOlderCheckpointMovesTheLaterRowsAsideSoNoStepRepeats() throws IOException {
        try (var log = new LossLog(dir)) {
            log.accept(new TrainingEvent.Started(0, 30, dir.toString()));
            for (int n = 1; n <= 7; n++) {
                log.accept(step(n, null));
            }
        }
        Files.writeString(dir.resolve(LossLog.FILE_NAME), "8,0.12", java.nio.file.StandardOpenOption.APPEND); // cut by a crash
        try (var log = new LossLog(dir)) {
            log.accept(new TrainingEvent.Started(5, 30, dir.toString()));
            log.accept(step(6, null));
            log.accept(step(7, null));
        }
        var steps = Files.readAllLines(dir.resolve(LossLog.FILE_NAME)).stream().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(steps).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(Files.readAllLines(dir.resolve(LossLog.DISCARDED_FILE_NAME)))
                .containsExactly(LossLog.HEADER, "6,0.1234,,,,,1.0E-4,2.0000", "7,0.1234,,,,,1.0E-4,2.0000", "8,0.12");
    }
}
