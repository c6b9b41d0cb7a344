package dev.ltx2.orchestrator.lora;

import java.util.Arrays;
import java.util.Optional;

/** The parts of LTX-2 a LoRA can adapt, in report order; ids match the Python STREAMS. */
public enum Stream {
    VIDEO_SELF("video-self", "video self-attention (attn1)"),
    VIDEO_CROSS("video-cross", "video cross-attention (attn2)"),
    VIDEO_FF("video-ff", "video feed-forward (ff)"),
    AUDIO_SELF("audio-self", "audio self-attention (audio_attn1)"),
    AUDIO_CROSS("audio-cross", "audio cross-attention (audio_attn2)"),
    AUDIO_FF("audio-ff", "audio feed-forward (audio_ff)"),
    A2V("a2v", "audio-to-video attention (audio_to_video_attn)"),
    V2A("v2a", "video-to-audio attention (video_to_audio_attn)"),
    CONNECTORS("connectors", "text connectors (embeddings_connector)"),
    OTHER("other", "other");

    private final String id;
    private final String label;

    Stream(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean isAudioBranch() {
        return this == AUDIO_SELF || this == AUDIO_CROSS || this == AUDIO_FF || this == A2V || this == V2A;
    }

    public static Optional<Stream> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
