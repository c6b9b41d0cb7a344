package dev.ltx2.orchestrator.train;

import dev.ltx2.orchestrator.runner.TrainingEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * {@code loss_log.csv} in the job's output folder: one row per step with the video loss, the
 * raw and scaled audio loss, the audio multiplier, the voice-preservation loss, learning
 * rate and step time (empty cells where a step had none). A resumed run appends to it; when it
 * resumes from a checkpoint older than the log's last row (a crash after the last save), the rows
 * after the checkpoint's step move to {@code loss_log.discarded.csv} first, so the log has one row
 * per step, no hole and no duplicate.
 */
public final class LossLog implements Consumer<TrainingEvent>, AutoCloseable {
    public static final String FILE_NAME = "loss_log.csv";
    public static final String DISCARDED_FILE_NAME = "loss_log.discarded.csv";
    static final String HEADER = "step,video_loss,audio_loss,audio_loss_scaled,audio_multiplier,voice_preservation_loss,lr,seconds";
    private static final int COLUMNS = HEADER.split(",").length;

    private final Path file;
    private BufferedWriter writer;

    public LossLog(Path outputDir) {
        try {
            Files.createDirectories(outputDir);
            file = outputDir.resolve(FILE_NAME);
            writer = open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BufferedWriter open() throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (fresh) {
            w.write(HEADER);
            w.newLine();
            w.flush();
        }
        return w;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started started) {
            resumeAt(started.startStep());
            return;
        }
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

    /** Keeps the rows up to {@code startStep}; later rows (and a row cut by a crash) go to the discarded file. */
    private void resumeAt(int startStep) {
        try {
            writer.close();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>();
            List<String> discarded = new ArrayList<>();
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                (rowStep(line) <= startStep && rowStep(line) >= 0 ? kept : discarded).add(line);
            }
            if (!discarded.isEmpty()) {
                Path aside = file.resolveSibling(DISCARDED_FILE_NAME);
                if (!Files.exists(aside)) {
                    Files.writeString(aside, HEADER + System.lineSeparator(), StandardCharsets.UTF_8);
                }
                Files.write(aside, discarded, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
                List<String> rewritten = new ArrayList<>(List.of(HEADER));
                rewritten.addAll(kept);
                Files.write(tmp, rewritten, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            writer = open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The step of a complete row, or -1 for a row cut short. */
    private static int rowStep(String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != COLUMNS) {
            return -1;
        }
        try {
            return Integer.parseInt(cells[0]);
        } catch (NumberFormatException e) {
            return -1;
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
