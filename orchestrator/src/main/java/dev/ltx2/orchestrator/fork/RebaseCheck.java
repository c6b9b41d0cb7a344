package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Files2;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code fork rebase-check}: applies the series to another upstream revision in a throwaway
 * clone and says, per patch, what moving the pin there would cost. The materialised fork
 * is never touched; the cached mirror only gains what a fetch brings.
 *
 * <p>Each patch is tried the way a maintainer would: plain {@code git apply} (clean, or at a
 * line offset), in reverse (already upstream), then {@code git am --3way}. A patch that
 * conflicts is applied as far as it goes ({@code git apply --reject}: every hunk that still
 * applies is kept, the rest dropped) and committed, so the patches after it are checked
 * against a tree that has as much of it as possible; their verdicts name it when they touch
 * the same files, because a conflict there may be a knock-on.
 */
public final class RebaseCheck {
    private final ForkMaterializer materializer;
    private final Path scratchRoot;
    private final UpstreamPin pin;
    private final PatchSeries series;
    private final Consumer<String> progress;

    public RebaseCheck(ForkMaterializer materializer, Path scratchRoot, UpstreamPin pin, PatchSeries series,
            Consumer<String> progress) {
        this.materializer = materializer;
        this.scratchRoot = scratchRoot;
        this.pin = pin;
        this.series = series;
        this.progress = progress;
    }

    public Result<RebaseReport> check(String source, String rev) {
        return materializer.mirror(source, rev).then(mirror -> checkIn(mirror, ForkMaterializer.resolveSource(source), rev));
    }

    private Result<RebaseReport> checkIn(Path mirror, String source, String rev) {
        Git inMirror = new Git(mirror);
        String revCommit = inMirror.run("rev-parse", "--verify", "--quiet", rev + "^{commit}").stdout().strip();
        Result<List<String>> scanned = MissingBlobs.scan(inMirror, revCommit, series.touchedPaths());
        if (scanned instanceof Result.Err<List<String>> err) {
            return Result.err(err.failure());
        }
        List<String> excluded = ((Result.Ok<List<String>>) scanned).value();
        int[] distance = distance(inMirror, revCommit);
        Set<String> changed = changedBetweenPinAnd(inMirror, revCommit);
        Path scratch;
        try {
            scratch = Files.createTempDirectory(Files.createDirectories(scratchRoot), "rebase-check-");
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot create a scratch directory in " + scratchRoot + ": " + e.getMessage(),
                    "check free disk space in the cache"));
        }
        try {
            Path tree = scratch.resolve("ai-toolkit");
            progress.accept("checking out " + revCommit.substring(0, 8) + " in " + tree);
            Result<Git> checkedOut = SparseCheckout.create(mirror, tree, revCommit, excluded, SparseCheckout.Objects.SHARED);
            if (checkedOut instanceof Result.Err<Git> err) {
                return Result.err(err.failure());
            }
            Git work = ((Result.Ok<Git>) checkedOut).value();
            Result<Void> baseline = storePatchedBlobsOfThePin(work, scratch.resolve("pin.index"));
            if (baseline instanceof Result.Err<Void> err) {
                return Result.err(err.failure());
            }
            List<PatchVerdict> verdicts = new ArrayList<>();
            Map<String, Set<String>> conflicting = new LinkedHashMap<>();
            for (PatchSeries.Patch patch : series.patches()) {
                progress.accept("checking " + patch.name());
                verdicts.add(checkPatch(work, tree, verdicts.size() + 1, patch, changed, conflicting));
            }
            return Result.ok(RebaseReport.of(source, pin.commit(), rev, revCommit, distance[0], distance[1], excluded, verdicts));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot write the scratch tree: " + e.getMessage(), "check free disk space in the cache"));
        } finally {
            Files2.deleteRecursively(scratch);
        }
    }

    /**
     * {@code git am --3way} rebuilds each hunk's base from the blob ids in the patch's index
     * lines. For the first patch those are upstream blobs; for a later patch of the same
     * file they are blobs of the fork (the pin with the earlier patches), which exist
     * nowhere upstream. Applying the series to the pin in a side index writes them, and
     * proves the series still applies to the pin it is written for.
     */
    private Result<Void> storePatchedBlobsOfThePin(Git work, Path indexFile) {
        Git side = work.withEnv(Map.of("GIT_INDEX_FILE", indexFile.toString()));
        Exec.Output read = side.run("read-tree", pin.commit());
        if (!read.ok()) {
            return Result.err(Failure.environment("cannot read the pinned tree " + pin.shortCommit() + ": " + read.tail(3), null));
        }
        for (PatchSeries.Patch patch : series.patches()) {
            Exec.Output applied = side.run("apply", "--cached", patch.file().toString());
            if (!applied.ok()) {
                String where = HunkLocator.locate(applied.stderr(), patch.text())
                        .map(l -> " at " + l.file() + ", " + l.hunk()).orElse("");
                return Result.err(Failure.user("patch " + patch.name() + " does not apply to the pin " + pin.shortCommit() + where,
                        "fix the series at the pin first (orchestrator fork apply shows the same failure)"));
            }
        }
        return Result.ok(null);
    }

    private PatchVerdict checkPatch(Git work, Path tree, int index, PatchSeries.Patch patch, Set<String> changed,
            Map<String, Set<String>> conflicting) throws IOException {
        String file = patch.file().toString();
        Set<String> touched = patch.touchedPaths();
        List<String> changedHere = touched.stream().filter(changed::contains).toList();
        List<String> after = conflicting.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(touched::contains))
                .map(Map.Entry::getKey).toList();

        Exec.Output plain = work.run("apply", "--check", "--verbose", file);
        if (plain.ok()) {
            if (am(work, file, false).ok()) {
                List<PatchVerdict.Offset> offsets = ApplyLog.offsets(plain.stderr() + plain.stdout());
                return new PatchVerdict(index, patch.name(), patch.subject(),
                        offsets.isEmpty() ? PatchVerdict.Verdict.CLEAN : PatchVerdict.Verdict.OFFSET,
                        offsets, List.of(), List.of(), changedHere, after);
            }
            work.run("am", "--abort");
        }
        if (work.run("apply", "--check", "--reverse", file).ok()) {
            return new PatchVerdict(index, patch.name(), patch.subject(), PatchVerdict.Verdict.ALREADY_APPLIED,
                    List.of(), List.of(), List.of(), changedHere, after);
        }
        if (am(work, file, true).ok()) {
            return new PatchVerdict(index, patch.name(), patch.subject(), PatchVerdict.Verdict.THREE_WAY,
                    List.of(), List.of(), List.of(), changedHere, after);
        }
        List<String> mergeConflicts = lines(work.run("diff", "--name-only", "--diff-filter=U").stdout());
        work.run("am", "--abort");

        Exec.Output partial = work.run("apply", "--reject", "--verbose", file);
        List<HunkLocator.Location> failed = HunkLocator.locateAll(partial.stderr() + partial.stdout(), patch.text());
        if (failed.isEmpty()) {
            failed = HunkLocator.locateAll(plain.stderr() + plain.stdout(), patch.text());
        }
        for (String path : touched) {
            Files.deleteIfExists(tree.resolve(path + ".rej"));
        }
        work.run("add", "-A");
        work.run("commit", "--quiet", "--no-verify", "--allow-empty", "-m", "partly applied: " + patch.subject());
        conflicting.put(patch.name(), touched);
        return new PatchVerdict(index, patch.name(), patch.subject(), PatchVerdict.Verdict.CONFLICT, List.of(),
                failed.stream().map(l -> new PatchVerdict.Hunk(l.file(), l.hunk())).toList(),
                mergeConflicts, changedHere, after);
    }

    private static Exec.Output am(Git work, String file, boolean threeWay) {
        List<String> args = new ArrayList<>(List.of("am", "--quiet", "--keep-cr", "--committer-date-is-author-date"));
        if (threeWay) {
            args.add("--3way");
        }
        args.add(file);
        return work.run(args, null);
    }

    /** {behind, ahead}: commits only the pin has, commits only the revision has. */
    private int[] distance(Git inMirror, String revCommit) {
        Exec.Output counts = inMirror.run("rev-list", "--left-right", "--count", pin.commit() + "..." + revCommit);
        String[] parts = counts.stdout().strip().split("\\s+");
        if (!counts.ok() || parts.length != 2) {
            return new int[] {-1, -1};
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }

    private Set<String> changedBetweenPinAnd(Git inMirror, String revCommit) {
        if (series.touchedPaths().isEmpty()) {
            return Set.of();
        }
        List<String> args = new ArrayList<>(List.of("diff", "--name-only", "--no-renames", pin.commit(), revCommit, "--"));
        args.addAll(series.touchedPaths());
        return Set.copyOf(lines(inMirror.run(args, null).stdout()));
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
