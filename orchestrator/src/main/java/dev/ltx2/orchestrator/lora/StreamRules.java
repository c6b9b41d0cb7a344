package dev.ltx2.orchestrator.lora;

import java.util.regex.Pattern;

/**
 * Which stream a module path belongs to, and which KJNodes slider controls it. The Java twin
 * of {@code ltx2_tools.lora.streams}; both are checked against
 * {@code python-env/tests/fixtures/lora_stream_keys.json}.
 */
public final class StreamRules {
    /** The five sliders of KJNodes' LTX2LoraLoaderAdvanced. */
    public static final String[] KJNODES_GROUPS = {"video", "audio", "audio_to_video", "video_to_audio", "other"};

    private static final Pattern AUDIO_FF_NET = Pattern.compile("audio_ff[._]net");
    private static final Pattern FF_NET = Pattern.compile("ff[._]net");

    private StreamRules() {}

    /**
     * Order matters: cross-modal attention and connectors contain attention names of their
     * own, and audio names contain video ones.
     */
    public static Stream classify(String module) {
        if (module.contains("video_to_audio_attn")) {
            return Stream.V2A;
        }
        if (module.contains("audio_to_video_attn")) {
            return Stream.A2V;
        }
        if (module.contains("connector") || module.contains("text_embedding_projection")) {
            return Stream.CONNECTORS;
        }
        if (has("audio_attn1", module)) {
            return Stream.AUDIO_SELF;
        }
        if (has("audio_attn2", module)) {
            return Stream.AUDIO_CROSS;
        }
        if (has("audio_ff", module)) {
            return Stream.AUDIO_FF;
        }
        if (has("attn1", module)) {
            return Stream.VIDEO_SELF;
        }
        if (has("attn2", module)) {
            return Stream.VIDEO_CROSS;
        }
        if (has("ff", module)) {
            return Stream.VIDEO_FF;
        }
        return Stream.OTHER;
    }

    /**
     * KJNodes' substring rules (kijai/ComfyUI-KJNodes nodes/ltxv_nodes.py, 2026-08-14). KJNodes
     * tests the ComfyUI model key, whose dots a kohya key writes as "_", so "ff.net" also
     * matches "ff_net".
     */
    public static String kjnodesGroup(String module) {
        if (module.contains("video_to_audio_attn")) {
            return "video_to_audio";
        }
        if (module.contains("audio_to_video_attn")) {
            return "audio_to_video";
        }
        if (module.contains("audio_attn") || AUDIO_FF_NET.matcher(module).find()) {
            return "audio";
        }
        if (module.contains("attn") || FF_NET.matcher(module).find()) {
            return "video";
        }
        return "other";
    }

    /** A whole name between separators ("." in the model, "_" in kohya keys). */
    private static boolean has(String token, String module) {
        int from = 0;
        while (true) {
            int at = module.indexOf(token, from);
            if (at < 0) {
                return false;
            }
            int end = at + token.length();
            boolean startOk = at == 0 || isSeparator(module.charAt(at - 1));
            boolean endOk = end == module.length() || isSeparator(module.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '_';
    }
}
