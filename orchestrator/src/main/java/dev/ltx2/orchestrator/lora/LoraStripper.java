package dev.ltx2.orchestrator.lora;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a copy of a LoRA without (or with zeroed) chosen streams. The input is only read.
 * Metadata is kept, plus a note of what was stripped; the sd-webui weight hashes are dropped
 * because they describe the old weights.
 */
public final class LoraStripper {
    /** Metadata key recording every strip applied to a file, oldest first. */
    public static final String NOTE_KEY = "ltx2_orchestrator_strip";
    static final List<String> STALE_METADATA = List.of("sshs_model_hash", "sshs_legacy_hash");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoraStripper() {}

    public static Result<StripResult> strip(SafetensorsFile in, Set<Stream> streams, boolean zero, Path out) {
        ModuleIndex index = ModuleIndex.of(in.header().tensors());
        List<LoraModule> chosen = index.modules().stream().filter(m -> streams.contains(m.stream())).toList();
        if (zero) {
            LoraModule dora = chosen.stream().filter(m -> m.network() == NetworkType.DORA).findFirst().orElse(null);
            if (dora != null) {
                return Result.err(Failure.user("cannot zero DoRA module " + dora.name()
                        + ": its magnitude vector (dora_scale) still rescales the weight",
                        "remove the streams instead (drop --zero)"));
            }
        }
        Set<String> affected = new HashSet<>();
        chosen.forEach(m -> m.parts().forEach((part, t) -> {
            if (!(zero && part == Part.ALPHA)) {
                affected.add(t.name()); // zeroed factors make alpha moot; kept so loaders still read a sane scalar
            }
        }));

        List<TensorEntry> byOffset = new ArrayList<>(in.header().tensors());
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin));
        List<SafetensorsWriter.Tensor> tensors = new ArrayList<>();
        for (TensorEntry t : byOffset) {
            boolean hit = affected.contains(t.name());
            if (hit && !zero) {
                continue;
            }
            SafetensorsWriter.Source source = hit ? new SafetensorsWriter.Zeros() : new SafetensorsWriter.Copy(in, t);
            tensors.add(new SafetensorsWriter.Tensor(t.name(), t.dtype(), t.shape(), source));
        }
        Map<String, Integer> perStream = new LinkedHashMap<>();
        for (Stream s : Stream.values()) {
            long n = chosen.stream().filter(m -> m.stream() == s).count();
            if (n > 0) {
                perStream.put(s.id(), (int) n);
            }
        }
        String mode = zero ? "zeroed" : "removed";
        Map<String, String> metadata = new LinkedHashMap<>(in.header().metadata());
        List<String> dropped = STALE_METADATA.stream().filter(metadata::containsKey).toList();
        dropped.forEach(metadata::remove);
        metadata.put(NOTE_KEY, note(in.header().metadata().get(NOTE_KEY), mode, streams, chosen.size(),
                in.path().getFileName().toString(), dropped));
        try {
            SafetensorsWriter.write(out, metadata, tensors);
        } catch (IOException e) {
            return Result.err(Failure.user(out + ": cannot be written: " + e.getMessage(), null));
        }
        return Result.ok(new StripResult(mode, chosen.size(), affected.size(), perStream));
    }

    /** Checks done before reading anything: never overwrite the input, or another file unasked. */
    public static Result<Void> checkTarget(Path in, Path out, boolean force) {
        Path a = in.toAbsolutePath().normalize();
        Path b = out.toAbsolutePath().normalize();
        try {
            if (a.equals(b) || (Files.exists(b) && Files.isSameFile(a, b))) {
                return Result.err(Failure.user("refusing to overwrite the input " + in,
                        "choose another -o; strip never modifies its input"));
            }
        } catch (IOException e) {
            return Result.err(Failure.user(out + ": cannot be checked: " + e.getMessage(), null));
        }
        if (Files.exists(b) && !force) {
            return Result.err(Failure.user(out + " already exists", "pass --force to replace it"));
        }
        if (Files.isDirectory(b)) {
            return Result.err(Failure.user(out + " is a directory", "name the output file"));
        }
        return Result.ok(null);
    }

    private static String note(String previous, String mode, Set<Stream> streams, int modules, String source,
                               List<String> droppedMetadata) {
        ArrayNode history = JSON.createArrayNode();
        if (previous != null) {
            try {
                JsonNode old = JSON.readTree(previous);
                if (old.isArray()) {
                    history = (ArrayNode) old;
                }
            } catch (IOException ignored) {
                // an unreadable old note is replaced rather than kept
            }
        }
        ObjectNode entry = history.addObject();
        entry.put("tool", "orchestrator lora strip");
        entry.put("mode", mode);
        ArrayNode ids = entry.putArray("streams");
        streams.stream().sorted().forEach(s -> ids.add(s.id()));
        entry.put("modules", modules);
        entry.put("source", source);
        ArrayNode dropped = entry.putArray("dropped_metadata");
        droppedMetadata.forEach(dropped::add);
        return history.toString();
    }
}
