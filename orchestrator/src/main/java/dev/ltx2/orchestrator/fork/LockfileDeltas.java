package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@link LockfileDelta}s in {@code patches/overlay-data/}, laid out as in the fork's tree:
 * {@code ui/package-lock.delta.json} changes the fork's {@code ui/package-lock.json}. After the
 * series applies (the lockfile must match the {@code package.json} the patches leave), each delta
 * is applied to the lockfile upstream's tree has and the result committed as one commit, before
 * the {@link Overlay}'s; so {@code fork export} and the fork's log carry it like a patch.
 *
 * @param files paths of the deltas relative to {@code dir}, '/'-separated and sorted
 */
public record LockfileDeltas(Path dir, List<String> files) {
    public static final String DIR_NAME = "overlay-data";
    static final String SUFFIX = ".delta.json";
    static final String SUBJECT = "lockfiles: our entries in upstream's lockfiles (patches/overlay-data/)";
    /** A fixed date keeps the commit identical from one materialisation to the next. */
    private static final String DATE = "2000-01-01T00:00:00Z";

    public static LockfileDeltas load(Path patchesDir) throws IOException {
        Path dir = patchesDir.resolve(DIR_NAME);
        if (!Files.isDirectory(dir)) {
            return new LockfileDeltas(dir, List.of());
        }
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String file = dir.relativize(p).toString().replace('\\', '/');
                if (!file.endsWith(SUFFIX)) {
                    throw new IOException(p + " is no lockfile delta (" + SUFFIX + ")");
                }
                files.add(file);
            }
        }
        files.sort(null);
        return new LockfileDeltas(dir, List.copyOf(files));
    }

    /** The fork's file a delta changes: {@code ui/package-lock.delta.json} → {@code ui/package-lock.json}. */
    static String target(String deltaFile) {
        return deltaFile.substring(0, deltaFile.length() - SUFFIX.length()) + ".json";
    }

    /**
     * The delta that turns the lockfile {@code file} (e.g. {@code ui/package-lock.json}) at the pin
     * into the one in {@code tree} (a fork clone where npm rewrote it), checked to be in npm's own
     * layout, so that applying it writes the same bytes back. What {@code fork lockfile-delta} writes.
     */
    public static LockfileDelta regenerate(Path tree, String pinCommit, String file) throws IOException, LockfileDelta.DeltaException {
        Exec.Output upstream = new Git(tree).run("show", pinCommit + ":" + file);
        if (!upstream.ok()) {
            throw new IOException("cannot read " + file + " at the pin " + pinCommit + " in " + tree + ": " + upstream.tail(3));
        }
        String ours = Files.readString(tree.resolve(file), StandardCharsets.UTF_8);
        if (!LockfileDelta.render(LockfileDelta.read(ours)).equals(ours)) {
            throw new IOException(tree.resolve(file) + " is not in npm's layout (2-space indent, trailing newline): "
                    + "let npm write it (npm install --package-lock-only)");
        }
        return LockfileDelta.between(LockfileDelta.read(upstream.stdout()), LockfileDelta.read(ours));
    }

    /** Where the delta of the fork's {@code file} lives under {@code patchesDir}. */
    public static Path deltaFile(Path patchesDir, String file) {
        return patchesDir.resolve(DIR_NAME).resolve(file.substring(0, file.length() - ".json".length()) + SUFFIX);
    }

    void digestInto(MessageDigest sha) throws IOException {
        for (String file : files) {
            sha.update((byte) 1);
            sha.update(file.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(dir.resolve(file)));
        }
    }

    /** Applies each delta to its lockfile in {@code tree} (the work tree of {@code work}) and commits them. */
    Result<Void> commitInto(Git work, Path tree) {
        if (files.isEmpty()) {
            return Result.ok(null);
        }
        List<String> targets = new ArrayList<>();
        for (String file : files) {
            String target = target(file);
            Path lockfile = tree.resolve(target);
            try {
                LockfileDelta delta = LockfileDelta.parse(Files.readString(dir.resolve(file), StandardCharsets.UTF_8));
                String upstream = Files.readString(lockfile, StandardCharsets.UTF_8);
                Files.writeString(lockfile, LockfileDelta.render(delta.applyTo(LockfileDelta.read(upstream))), StandardCharsets.UTF_8);
            } catch (LockfileDelta.DeltaException e) {
                return Result.err(Failure.user("patches/" + DIR_NAME + "/" + file + " does not apply to " + target + ": " + e.getMessage(),
                        "regenerate the delta from the fork's lockfile (docs/patches.md, \"Lockfiles\")"));
            } catch (IOException e) {
                return Result.err(Failure.environment("cannot rewrite " + target + " in the fork: " + e.getMessage(),
                        "check that the pin has " + target + " and the cache has free space"));
            }
            targets.add(target);
        }
        List<String> add = new ArrayList<>(List.of("add", "--sparse", "--"));
        add.addAll(targets);
        Git dated = work.withEnv(Map.of("GIT_AUTHOR_DATE", DATE, "GIT_COMMITTER_DATE", DATE));
        Exec.Output added = dated.run(add, null);
        Exec.Output committed = added.ok() ? dated.run("commit", "--quiet", "--no-verify", "--allow-empty", "-m", SUBJECT) : added;
        if (!committed.ok()) {
            return Result.err(Failure.environment("cannot commit the lockfile deltas in the fork", "see the git output")
                    .withDetail(committed.tail(6)));
        }
        return Result.ok(null);
    }
}
