package dev.ltx2.orchestrator.lora;

import java.util.List;
import java.util.Map;

/**
 * A validated safetensors header: the free-form {@code __metadata__} strings and the tensors
 * in header order. {@code headerBytes} is the JSON length; tensor data starts after it.
 */
public record SafetensorsHeader(long headerBytes, Map<String, String> metadata, List<TensorEntry> tensors) {

    public long dataStart() {
        return 8 + headerBytes;
    }
}
