package dev.ltx2.orchestrator.train;

import dev.ltx2.orchestrator.runner.TrainingEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * {@code loss_log.csv} in the job's output folder: one row per step with the video loss, the
 * raw and scaled audio loss, the audio multiplier, the voice-preservation loss, learning
 * rate and step time (empty cells where a step had none). A resumed run appends to it.
 */
public final class LossLog implements Consumer<TrainingEvent>, AutoCloseable {
    public static final String FILE_NAME = "loss_log.csv";
    static final String HEADER = "step,video_loss,audio_loss,audio_loss_scaled,audio_multiplier,voice_preservation_loss,lr,seconds";

    private final BufferedWriter writer;

    public LossLog(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve(FILE_NAME);
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (fresh) {
                writer.write(HEADER);
                writer.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(TrainingEvent event) {
        if (!(event instanceof TrainingEvent.Step s)) {
            return;
        }
        try {
            writer.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%s,%.4f", s.step(), cell(s.videoLoss()),
                    cell(s.audioLoss()), cell(s.loss("loss/audio_scaled")), cell(s.loss("audio/multiplier")),
                    cell(s.loss("loss/voice_preservation")), cell(s.lr()), s.seconds()));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(OptionalDouble v) {
        return v.isPresent() ? Double.toString(v.getAsDouble()) : "";
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
