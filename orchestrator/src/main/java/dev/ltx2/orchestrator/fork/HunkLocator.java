package dev.ltx2.orchestrator.fork;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names the hunk of a patch that {@code git apply} reported as failing at FILE:LINE. */
final class HunkLocator {
    private static final Pattern FAILED = Pattern.compile("error: patch failed: (\\S+?):(\\d+)");
    private static final Pattern MISSING = Pattern.compile("error: (\\S+?): (?:does not exist in index|No such file or directory)");
    private static final Pattern EXISTS = Pattern.compile("error: (\\S+?): already exists in (?:index|working directory)");
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+\\d+(?:,\\d+)? @@.*$", Pattern.MULTILINE);

    record Location(String file, String hunk) {}

    private HunkLocator() {}

    /** The first failure git reported: a missing file before a failed hunk. */
    static Optional<Location> locate(String gitApplyOutput, String patchText) {
        return locateAll(gitApplyOutput, patchText).stream().findFirst();
    }

    /**
     * Every failure git reported, once each: files the patch needs but the tree lacks, files
     * it would create but the tree has, then each failed hunk ({@code git apply --reject}
     * reports all of them, a plain {@code git apply} only the first of each file).
     */
    static List<Location> locateAll(String gitApplyOutput, String patchText) {
        Set<Location> found = new LinkedHashSet<>();
        Matcher missing = MISSING.matcher(gitApplyOutput);
        while (missing.find()) {
            found.add(new Location(missing.group(1), "file missing in the upstream tree"));
        }
        Matcher exists = EXISTS.matcher(gitApplyOutput);
        while (exists.find()) {
            found.add(new Location(exists.group(1), "file the patch creates already exists upstream"));
        }
        Matcher failed = FAILED.matcher(gitApplyOutput);
        while (failed.find()) {
            found.add(hunkAt(failed.group(1), Integer.parseInt(failed.group(2)), patchText));
        }
        return new ArrayList<>(found);
    }

    private static Location hunkAt(String file, int line, String patchText) {
        int fileStart = patchText.indexOf("diff --git a/" + file + " ");
        if (fileStart < 0) {
            return new Location(file, "line " + line);
        }
        int fileEnd = patchText.indexOf("\ndiff --git ", fileStart + 1);
        String section = patchText.substring(fileStart, fileEnd < 0 ? patchText.length() : fileEnd);
        Matcher hunk = HUNK.matcher(section);
        int index = 0;
        while (hunk.find()) {
            index++;
            if (Integer.parseInt(hunk.group(1)) == line) {
                return new Location(file, "hunk #" + index + " " + hunk.group().strip());
            }
        }
        return new Location(file, "hunk at line " + line);
    }
}
