package dev.ltx2.orchestrator.lora;

import java.util.Map;

/** All tensors of one adapted model module (same prefix and module path). */
public record LoraModule(KeyFormat format, String module, Map<Part, TensorEntry> parts) {

    public Stream stream() {
        return StreamRules.classify(module);
    }

    public String kjnodesGroup() {
        return StreamRules.kjnodesGroup(module);
    }

    public String name() {
        return format.prefix() + module;
    }

    public NetworkType network() {
        if (parts.keySet().stream().anyMatch(Part::isLokr)) {
            return NetworkType.LOKR;
        }
        if (parts.keySet().stream().anyMatch(Part::isLoha)) {
            return NetworkType.LOHA;
        }
        if (parts.containsKey(Part.DOWN) && parts.containsKey(Part.UP)) {
            boolean dora = parts.containsKey(Part.DORA_SCALE) || parts.containsKey(Part.MAGNITUDE);
            return dora ? NetworkType.DORA : NetworkType.LORA;
        }
        if (parts.containsKey(Part.DIFF)) {
            return NetworkType.DIFF;
        }
        return NetworkType.INCOMPLETE;
    }
}
