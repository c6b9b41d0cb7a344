package dev.ltx2.orchestrator.fork;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the per-hunk lines of {@code git apply --verbose}. */
final class ApplyLog {
    private static final Pattern CHECKING = Pattern.compile("^Checking patch (.+)\\.\\.\\.$");
    private static final Pattern OFFSET = Pattern.compile("^Hunk #(\\d+) succeeded at (\\d+) \\(offset (-?\\d+) lines?\\)\\.$");

    private ApplyLog() {}

    /** Hunks git placed away from the line the patch records, with the file each belongs to. */
    static List<PatchVerdict.Offset> offsets(String verboseOutput) {
        List<PatchVerdict.Offset> offsets = new ArrayList<>();
        String file = "";
        for (String line : verboseOutput.split("\n")) {
            Matcher checking = CHECKING.matcher(line.strip());
            if (checking.matches()) {
                file = checking.group(1);
                continue;
            }
            Matcher offset = OFFSET.matcher(line.strip());
            if (offset.matches()) {
                offsets.add(new PatchVerdict.Offset(file, Integer.parseInt(offset.group(1)),
                        Integer.parseInt(offset.group(2)), Integer.parseInt(offset.group(3))));
            }
        }
        return offsets;
    }
}
