package dev.ltx2.orchestrator.fork;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code pytest -v} output line by line and keeps the counts for a progress line:
 * {@code 12/143 tests: 11 passed, 1 failed (tests/fork/test_audio_loss.py)}.
 */
final class TestCounter {
    /** {@code collecting ... collected 5 items}, or {@code collected 9 items / 2 deselected / 7 selected}. */
    private static final Pattern COLLECTED = Pattern.compile("collected (\\d+) items?(?:.* (\\d+) selected)?");
    private static final Pattern RESULT = Pattern.compile("^(\\S+?)::\\S.*? (PASSED|FAILED|SKIPPED|ERROR|XFAIL|XPASS)\\b");

    private int total = -1;
    private int passed;
    private int failed;
    private int skipped;

    /** The progress detail after this line, when the line finished a test. */
    Optional<String> accept(String line) {
        Matcher collected = COLLECTED.matcher(line);
        if (collected.find()) {
            total = Integer.parseInt(collected.group(collected.group(2) != null ? 2 : 1));
            return Optional.of("0/" + total + " tests");
        }
        Matcher result = RESULT.matcher(line);
        if (!result.find()) {
            return Optional.empty();
        }
        switch (result.group(2)) {
            case "PASSED", "XFAIL", "XPASS" -> passed++;
            case "SKIPPED" -> skipped++;
            default -> failed++;
        }
        int done = passed + failed + skipped;
        return Optional.of(done + "/" + (total < 0 ? "?" : total) + " tests: " + passed + " passed"
                + (failed > 0 ? ", " + failed + " failed" : "") + (skipped > 0 ? ", " + skipped + " skipped" : "")
                + " (" + result.group(1) + ")");
    }
}
