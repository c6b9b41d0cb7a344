package dev.ltx2.orchestrator.fork;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the hunk of a patch that {@code git apply} reported as failing at FILE:LINE. */
final class HunkLocator {
    private static final Pattern FAILED = Pattern.compile("error: patch failed: (\\S+?):(\\d+)");
    private static final Pattern MISSING = Pattern.compile("error: (\\S+?): (?:does not exist in index|No such file or directory)");
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@.*$", Pattern.MULTILINE);

    record Location(String file, String hunk) {}

    private HunkLocator() {}

    static Optional<Location> locate(String gitApplyOutput, String patchText) {
        Matcher missing = MISSING.matcher(gitApplyOutput);
        if (missing.find()) {
            return Optional.of(new Location(missing.group(1), "file missing in the upstream tree"));
        }
        Matcher failed = FAILED.matcher(gitApplyOutput);
        if (!failed.find()) {
            return Optional.empty();
        }
        String file = failed.group(1);
        int line = Integer.parseInt(failed.group(2));
        int fileStart = patchText.indexOf("diff --git a/" + file + " ");
        if (fileStart < 0) {
            return Optional.of(new Location(file, "line " + line));
        }
        int fileEnd = patchText.indexOf("\ndiff --git ", fileStart + 1);
        String section = patchText.substring(fileStart, fileEnd < 0 ? patchText.length() : fileEnd);
        Matcher hunk = HUNK.matcher(section);
        int index = 0;
        while (hunk.find()) {
            index++;
            if (Integer.parseInt(hunk.group(1)) == line) {
                return Optional.of(new Location(file, "hunk #" + index + " " + hunk.group().strip()));
            }
        }
        return Optional.of(new Location(file, "hunk at line " + line));
    }
}
