package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/** The pinned upstream revision, read from {@code patches/upstream.properties}. */
public record UpstreamPin(String defaultUrl, String commit) {
    public static final String FILE_NAME = "upstream.properties";
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

    public static Result<UpstreamPin> load(Path patchesDir) {
        Path file = patchesDir.resolve(FILE_NAME);
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot read the upstream pin " + file + ": " + e.getMessage(),
                    "run from a complete checkout of this repository"));
        }
        String url = props.getProperty("url", "").strip();
        String commit = props.getProperty("commit", "").strip();
        if (url.isEmpty() || !FULL_SHA.matcher(commit).matches()) {
            return Result.err(Failure.environment(file + " must define url and a full 40-hex commit",
                    "restore patches/" + FILE_NAME + " from git"));
        }
        return Result.ok(new UpstreamPin(url, commit));
    }

    public String shortCommit() {
        return commit.substring(0, 8);
    }
}
