package dev.ltx2.orchestrator.lora;

import java.util.Optional;

/**
 * A LoRA tensor name split into {@code <prefix><module path><suffix>}; {@code ltx2_tools.lora.streams.parse_key}
 * splits it the same way on the prefixes and suffixes generated from {@link KeyFormat} and {@link Part}
 * ({@link PythonKeyNames}).
 */
public record LoraKey(String key, KeyFormat format, String module, Part part) {

    /** Empty when the suffix is not a known adapter part. */
    public static Optional<LoraKey> parse(String key) {
        KeyFormat format = KeyFormat.of(key);
        String rest = key.substring(format.prefix().length());
        return Part.match(rest).map(m -> new LoraKey(key, format, rest.substring(0, rest.length() - m.suffix().length()), m.part()));
    }

    public Stream stream() {
        return StreamRules.classify(module);
    }
}
