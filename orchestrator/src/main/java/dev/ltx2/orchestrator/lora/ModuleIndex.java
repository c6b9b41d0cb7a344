package dev.ltx2.orchestrator.lora;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a file's tensors into adapter modules; keys with no known suffix are kept aside. */
public record ModuleIndex(List<LoraModule> modules, List<String> unrecognised) {

    public static ModuleIndex of(List<TensorEntry> tensors) {
        Map<String, LoraModule> modules = new LinkedHashMap<>();
        List<String> unrecognised = new ArrayList<>();
        for (TensorEntry t : tensors) {
            LoraKey key = LoraKey.parse(t.name()).orElse(null);
            if (key == null) {
                unrecognised.add(t.name());
                continue;
            }
            Map<Part, TensorEntry> parts = modules.computeIfAbsent(key.format().prefix() + key.module(),
                    k -> new LoraModule(key.format(), key.module(), new EnumMap<>(Part.class))).parts();
            if (parts.putIfAbsent(key.part(), t) != null) {
                unrecognised.add(t.name()); // a second tensor for the same role (e.g. lora_A and lora_down)
            }
        }
        return new ModuleIndex(List.copyOf(modules.values()), List.copyOf(unrecognised));
    }
}
