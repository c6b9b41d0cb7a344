package dev.ltx2.orchestrator.lora;

import java.util.Arrays;
import java.util.Optional;

/** The parts of LTX-2 a LoRA can adapt, in report order; ids and labels as in stream-rules.json. */
public enum Stream {
    VIDEO_SELF("video-self"),
    VIDEO_CROSS("video-cross"),
    VIDEO_FF("video-ff"),
    AUDIO_SELF("audio-self"),
    AUDIO_CROSS("audio-cross"),
    AUDIO_FF("audio-ff"),
    A2V("a2v"),
    V2A("v2a"),
    CONNECTORS("connectors"),
    OTHER("other");

    private final String id;

    Stream(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The label of stream-rules.json, where the ids are checked against these. */
    public String label() {
        return StreamRules.label(this);
    }

    public boolean isAudioBranch() {
        return this == AUDIO_SELF || this == AUDIO_CROSS || this == AUDIO_FF || this == A2V || this == V2A;
    }

    public static Optional<Stream> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
