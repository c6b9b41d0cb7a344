package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ordered patch list in {@code patches/series} (one file name per line, {@code #}
 * comments), in the ungoogled-chromium style, the {@link LockfileDeltas} applied after it and the
 * {@link Overlay} of whole files committed last.
 */
public record PatchSeries(Path dir, List<Patch> patches, LockfileDeltas lockfiles, Overlay overlay) {

    public record Patch(String name, Path file, String text) {
        private static final Pattern DIFF_HEADER = Pattern.compile("^diff --git a/(\\S+) b/(\\S+)$", Pattern.MULTILINE);
        private static final Pattern SUBJECT = Pattern.compile("^Subject: (?:\\[PATCH[^]]*] )?(.*)$", Pattern.MULTILINE);

        /** Upstream files this patch touches. */
        public Set<String> touchedPaths() {
            Set<String> paths = new LinkedHashSet<>();
            Matcher m = DIFF_HEADER.matcher(text);
            while (m.find()) {
                paths.add(m.group(1));
                paths.add(m.group(2));
            }
            return paths;
        }

        public String subject() {
            Matcher m = SUBJECT.matcher(text);
            return m.find() ? m.group(1).strip() : name;
        }
    }

    public static final String SERIES_FILE = "series";

    public static Result<PatchSeries> load(Path patchesDir) {
        Path seriesFile = patchesDir.resolve(SERIES_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(seriesFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot read " + seriesFile + ": " + e.getMessage(),
                    "run from a complete checkout of this repository"));
        }
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Path file = patchesDir.resolve(name);
            try {
                patches.add(new Patch(name, file, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return Result.err(Failure.environment(
                        seriesFile + ":" + (i + 1) + ": patch " + name + " is listed but cannot be read",
                        "add the file or remove it from patches/series"));
            }
        }
        try {
            return Result.ok(new PatchSeries(patchesDir, List.copyOf(patches), LockfileDeltas.load(patchesDir), Overlay.load(patchesDir)));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot read the overlay in " + patchesDir + ": " + e.getMessage(),
                    "run from a complete checkout of this repository"));
        }
    }

    public Set<String> touchedPaths() {
        Set<String> all = new LinkedHashSet<>();
        patches.forEach(p -> all.addAll(p.touchedPaths()));
        return all;
    }

    /** Digest of the pin, every patch's name and bytes, the lockfile deltas and the overlay's files: the identity of a materialised fork. */
    public String digest(UpstreamPin pin) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pin.commit().getBytes(StandardCharsets.UTF_8));
            for (Patch p : patches) {
                sha.update((byte) 0);
                sha.update(p.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(p.text().getBytes(StandardCharsets.UTF_8));
            }
            lockfiles.digestInto(sha);
            overlay.digestInto(sha);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read the overlay", e);
        }
    }
}
