package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Files2;
import dev.ltx2.orchestrator.core.Progress;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.core.TimedStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Clones the upstream source into the cache, checks out the pin and applies the patch
 * series. The patched tree is built in a scratch directory and moved into place only when
 * every patch applied, so a failure never leaves a half-patched fork.
 */
public final class ForkMaterializer {
    /** Subject of the commit that removes files the source lacks, before the series. */
    public static final String LEAVE_OUT_SUBJECT = "Leave out files absent from the upstream source";
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");
    private final Path mirrorsDir;
    private final Path forkDir;
    private final UpstreamPin pin;
    private final PatchSeries series;
    private final Progress progress;

    public ForkMaterializer(Path mirrorsDir, Path forkDir, UpstreamPin pin, PatchSeries series, Progress progress) {
        this.mirrorsDir = mirrorsDir;
        this.forkDir = forkDir;
        this.pin = pin;
        this.series = series;
        this.progress = progress;
    }

    /** The fork as it is now, if it matches the pin and series; no git process runs. */
    public Result<ForkState> current() {
        String digest = series.digest(pin);
        return ForkStamp.read(forkDir)
                .filter(s -> s.commit().equals(pin.commit()) && s.seriesDigest().equals(digest))
                .<Result<ForkState>>map(s -> Result.ok(new ForkState(forkDir, pin.commit(), digest, s.excludedPaths(), false)))
                .orElseGet(() -> Result.err(Failure.environment(
                        "the fork in " + forkDir + " is missing or out of date with patches/",
                        "run: orchestrator fork apply")));
    }

    /** Makes the fork match the pin and series; idempotent. */
    public Result<ForkState> apply(String source) {
        Result<ForkState> existing = current();
        if (existing instanceof Result.Ok<ForkState>) {
            return existing;
        }
        return mirror(source).then(this::materialise);
    }

    /**
     * A bare clone in the cache that contains the pinned commit. Any cached clone that has
     * the pin serves, whatever source it came from, so later runs need no network.
     */
    public Result<Path> mirror(String source) {
        return mirror(source, pin.commit());
    }

    /**
     * A bare clone in the cache that contains the pin and {@code rev}. A full commit id is
     * immutable, so any cached clone that has both serves; a branch, tag or short id is
     * looked up in the clone of {@code source}, fetched first so that it means what it
     * means upstream now.
     */
    public Result<Path> mirror(String source, String rev) {
        String resolved = resolveSource(source);
        boolean immutable = FULL_SHA.matcher(rev).matches();
        Path mirror = mirrorsDir.resolve(key(resolved) + ".git");
        Git git = new Git(mirrorsDir);
        try {
            Files.createDirectories(mirrorsDir);
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot create " + mirrorsDir + ": " + e.getMessage(), "check the cache directory"));
        }
        if (immutable) {
            Path cached = cachedMirrorWith(git, rev);
            if (cached != null) {
                return Result.ok(cached);
            }
        }
        boolean cloned = false;
        if (!Files.isDirectory(mirror)) {
            Path tmp = mirrorsDir.resolve(mirror.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            Files2.deleteRecursively(tmp);
            Exec.Output out;
            try (TimedStep step = TimedStep.start(progress, "cloning " + resolved, "")) {
                out = git.run("clone", "--bare", "--quiet", resolved, tmp.toString());
            }
            if (!out.ok()) {
                Files2.deleteRecursively(tmp);
                return Result.err(Failure.environment("cannot clone the upstream source " + resolved + ": " + out.tail(3),
                        "pass --upstream with a reachable git URL or a local clone of ostris/ai-toolkit"));
            }
            try {
                Files.move(tmp, mirror, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                return Result.err(Failure.environment("cannot move the clone into " + mirror + ": " + e.getMessage(), null));
            }
            cloned = true;
        }
        Git inMirror = git.in(mirror);
        if (!cloned && (!immutable || !hasCommits(inMirror, rev))) {
            Exec.Output fetch;
            try (TimedStep step = TimedStep.start(progress, "fetching " + resolved, "")) {
                fetch = inMirror.run("fetch", "--quiet", resolved, "+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*");
            }
            // A stale branch must not pass for today's; a full id is usable if it is there.
            if (!fetch.ok() && (!immutable || !hasCommits(inMirror, rev))) {
                return Result.err(Failure.environment("cannot fetch " + resolved + " to look up " + rev + ": " + fetch.tail(3),
                        "pass --upstream with a reachable git URL or a local clone of ostris/ai-toolkit"));
            }
        }
        if (!inMirror.run("cat-file", "-e", pin.commit() + "^{commit}").ok()) {
            return Result.err(Failure.environment(
                    "the upstream source " + resolved + " does not contain the pinned commit " + pin.commit(),
                    "pass --upstream with a clone of ostris/ai-toolkit that includes " + pin.shortCommit()));
        }
        if (!inMirror.run("rev-parse", "--verify", "--quiet", rev + "^{commit}").ok()) {
            return Result.err(Failure.user("the upstream source " + resolved + " has no commit " + rev,
                    "pass --rev with a commit, branch or tag of that source"));
        }
        return Result.ok(mirror);
    }

    private boolean hasCommits(Git inMirror, String rev) {
        return inMirror.run("cat-file", "-e", pin.commit() + "^{commit}").ok()
                && inMirror.run("cat-file", "-e", rev + "^{commit}").ok();
    }

    private Path cachedMirrorWith(Git git, String rev) {
        try (var mirrors = Files.list(mirrorsDir)) {
            return mirrors.filter(p -> p.getFileName().toString().endsWith(".git"))
                    .sorted()
                    .filter(p -> hasCommits(git.in(p), rev))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private Result<ForkState> materialise(Path mirror) {
        Git inMirror = new Git(mirror);
        Result<List<String>> scanned = MissingBlobs.scan(inMirror, pin.commit(), series.touchedPaths());
        if (scanned instanceof Result.Err<List<String>> err) {
            return Result.err(err.failure());
        }
        List<String> excluded = ((Result.Ok<List<String>>) scanned).value();
        Path tmp = forkDir.resolveSibling(forkDir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files2.deleteRecursively(tmp);
        try {
            Files.createDirectories(tmp.getParent());
            Result<ForkState> built = checkoutAndPatch(mirror, tmp, excluded);
            if (built instanceof Result.Err<ForkState>) {
                return built;
            }
            Files2.deleteRecursively(forkDir);
            Files.move(tmp, forkDir, StandardCopyOption.ATOMIC_MOVE);
            return Result.ok(new ForkState(forkDir, pin.commit(), series.digest(pin), excluded, true));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot write the fork: " + e.getMessage(), "check free disk space in the cache"));
        } finally {
            Files2.deleteRecursively(tmp);
        }
    }

    private Result<ForkState> checkoutAndPatch(Path mirror, Path tmp, List<String> excluded) throws IOException {
        progress.line("checking out " + pin.shortCommit() + (excluded.isEmpty() ? "" : " (sparse: " + excluded.size() + " file(s) absent from the source left out)"));
        Result<Git> checkedOut = SparseCheckout.create(mirror, tmp, pin.commit(), excluded, SparseCheckout.Objects.COPY);
        if (checkedOut instanceof Result.Err<Git> err) {
            return Result.err(err.failure());
        }
        Git work = ((Result.Ok<Git>) checkedOut).value();
        for (PatchSeries.Patch patch : series.patches()) {
            Exec.Output am = work.run("am", "--quiet", "--keep-cr", "--committer-date-is-author-date", patch.file().toString());
            if (!am.ok()) {
                Exec.Output check = work.run("apply", "--check", "--verbose", patch.file().toString());
                work.run("am", "--abort");
                String where = HunkLocator.locate(check.stderr() + check.stdout(), patch.text())
                        .map(l -> " at " + l.file() + ", " + l.hunk())
                        .orElse("");
                return Result.err(Failure.user("patch " + patch.name() + " does not apply to " + pin.shortCommit() + where,
                                "refresh the patch against the pin (docs/patches.md); the fork was left unchanged")
                        .withDetail(am.tail(6)));
            }
        }
        Result<Void> locked = series.lockfiles().commitInto(work, tmp);
        if (locked instanceof Result.Err<Void> err) {
            return Result.err(err.failure());
        }
        Result<Void> overlaid = series.overlay().commitInto(work, tmp);
        if (overlaid instanceof Result.Err<Void> err) {
            return Result.err(err.failure());
        }
        new ForkStamp(pin.commit(), series.digest(pin), excluded).write(tmp);
        return Result.ok(null);
    }

    /** A local directory becomes an absolute path; anything else is passed to git as a URL. */
    static String resolveSource(String source) {
        Path local = Path.of(source);
        if (!source.contains("://") && !source.startsWith("git@") && Files.exists(local)) {
            return local.toAbsolutePath().normalize().toString();
        }
        return source;
    }

    private static String key(String source) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
