package dev.ltx2.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The folders and files the corpus configs point at through {@code ${DATA}}, made in a temp dir. */
final class TestData {
    private TestData() {}

    static ValidationContext create(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("clips"));
        Files.writeString(dir.resolve("clips/clip.mp4"), "not a real clip; validate does not open it");
        Files.createDirectories(dir.resolve("model"));
        Files.createDirectories(dir.resolve("te"));
        Files.writeString(dir.resolve("ctrl.png"), "image");
        for (String f : new String[] {"dit", "te", "video_vae", "audio_vae"}) {
            Files.writeString(dir.resolve("model/" + f + ".safetensors"), "weights");
        }
        return new ValidationContext(Map.of("DATA", dir.toString()), dir, java.util.List.of());
    }
}
