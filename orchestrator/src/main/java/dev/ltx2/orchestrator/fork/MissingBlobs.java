package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds files of the pinned tree whose blobs the upstream source lacks (a partial mirror;
 * at the pin: one large SD2 keymap). Such files are left out of the checkout with a sparse
 * pattern, unless the trainer needs them: Python sources, anything under the LTX-2 model
 * package, and any file a patch touches must be present.
 */
final class MissingBlobs {
    static final String LTX2_PACKAGE = "extensions_built_in/diffusion_models/ltx2/";

    private MissingBlobs() {}

    static Result<List<String>> scan(Git mirror, String commit, Set<String> patchedPaths) {
        Exec.Output tree = mirror.run("ls-tree", "-r", "--full-tree", commit);
        if (!tree.ok()) {
            return Result.err(Failure.environment("cannot list the upstream tree at " + commit + ": " + tree.tail(3),
                    "check that the upstream source contains the pinned commit"));
        }
        Map<String, String> pathByBlob = new HashMap<>();
        StringBuilder query = new StringBuilder();
        for (String line : tree.stdout().split("\n")) {
            // "<mode> <type> <id>\t<path>"
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String[] meta = line.substring(0, tab).split(" ");
            if (meta.length == 3 && meta[1].equals("blob")) {
                pathByBlob.put(meta[2], line.substring(tab + 1));
                query.append(meta[2]).append('\n');
            }
        }
        Exec.Output check = mirror.run(List.of("cat-file", "--batch-check"), query.toString());
        List<String> missing = new ArrayList<>();
        for (String line : check.stdout().split("\n")) {
            if (line.endsWith(" missing")) {
                missing.add(pathByBlob.get(line.substring(0, line.indexOf(' '))));
            }
        }
        List<String> required = missing.stream()
                .filter(p -> p.endsWith(".py") || p.startsWith(LTX2_PACKAGE) || patchedPaths.contains(p))
                .toList();
        if (!required.isEmpty()) {
            return Result.err(Failure.environment(
                    "the upstream source lacks files the trainer needs: " + String.join(", ", required),
                    "use a complete clone of ostris/ai-toolkit as --upstream"));
        }
        return Result.ok(missing.stream().sorted().toList());
    }
}
