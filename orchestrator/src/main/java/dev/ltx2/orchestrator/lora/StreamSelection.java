package dev.ltx2.orchestrator.lora;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Parses {@code --streams audio,a2v,v2a}: stream ids plus the groups "video" and "audio". */
public final class StreamSelection {
    /** The groups of stream-rules.json. */
    static final Map<String, List<Stream>> GROUPS = StreamRules.groups();

    private StreamSelection() {}

    public static Result<Set<Stream>> parse(String text) {
        Set<Stream> chosen = EnumSet.noneOf(Stream.class);
        for (String raw : text.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (GROUPS.containsKey(name)) {
                chosen.addAll(GROUPS.get(name));
            } else if (Stream.byId(name).isPresent()) {
                chosen.add(Stream.byId(name).get());
            } else {
                return Result.err(Failure.user("unknown stream \"" + name + "\"", "choose from: " + known()));
            }
        }
        if (chosen.isEmpty()) {
            return Result.err(Failure.user("--streams names no stream", "choose from: " + known()));
        }
        return Result.ok(chosen);
    }

    static String known() {
        return "video, audio, " + Arrays.stream(Stream.values()).map(Stream::id).collect(Collectors.joining(", "));
    }
}
