package dev.ltx2.orchestrator.dataset;

import java.util.List;
import java.util.Optional;

/**
 * What the probe found in one file: its first picture stream, its audio streams, whether it
 * decodes, and how many audio samples {@code torchaudio.load} returned (the trainer's call).
 *
 * @param readError the file cannot be opened, or null
 * @param decodeError the first decoding failure ({@code video: ...} or {@code audio: ...}), or null
 */
public record MediaInfo(String readError, String decodeError, Video video, List<Audio> audio, double duration,
                        long audioLoadedSamples) {

    /** @param frames frames decoded */
    public record Video(String codec, int width, int height, double fps, long frames, double duration) {}

    /** @param packets audio frames (packets) in the stream's metadata, 0 when unknown */
    public record Audio(String codec, int sampleRate, int channels, long packets, double duration) {}

    public static MediaInfo unreadable(String error) {
        return new MediaInfo(error, null, null, List.of(), 0, 0);
    }

    public boolean readable() {
        return readError == null;
    }

    public boolean decodable() {
        return readable() && decodeError == null;
    }

    /** The stream ai-toolkit's torchaudio.load reads: the first audio stream. */
    public Optional<Audio> firstAudio() {
        return audio.isEmpty() ? Optional.empty() : Optional.of(audio.get(0));
    }
}
