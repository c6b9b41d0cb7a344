package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A work tree of one upstream commit, cloned from a cached mirror, ready for {@code git am}.
 * Files whose blobs the mirror lacks ({@link MissingBlobs}) are kept out of the checkout
 * with sparse patterns and then recorded as removed in a commit, because git cannot write
 * a tree that names a blob it lacks, so every later commit ({@code git am}) would fail.
 * Used by the materialiser (the fork) and by the rebase check (a throwaway tree).
 */
final class SparseCheckout {
    /** How the work tree gets the mirror's objects. */
    enum Objects {
        /** Copied: the fork outlives any change to the mirror. */
        COPY,
        /** Borrowed through git alternates: fast, for a tree deleted right after use. */
        SHARED
    }

    private SparseCheckout() {}

    static Result<Git> create(Path mirror, Path dir, String commit, List<String> excluded, Objects objects) throws IOException {
        Git git = new Git(dir.getParent());
        Exec.Output clone = git.run("clone", "--quiet", "--no-checkout",
                objects == Objects.COPY ? "--no-hardlinks" : "--shared", mirror.toString(), dir.toString());
        if (!clone.ok()) {
            return Result.err(Failure.environment("cannot clone the cached mirror: " + clone.tail(3), null));
        }
        Git work = git.in(dir);
        if (!excluded.isEmpty()) {
            List<String> patterns = new ArrayList<>(List.of("/*"));
            excluded.forEach(p -> patterns.add("!/" + p));
            work.run("config", "core.sparseCheckout", "true");
            Files.write(dir.resolve(".git/info/sparse-checkout"), patterns, StandardCharsets.UTF_8);
        }
        Exec.Output checkout = work.run("checkout", "--quiet", "--detach", commit);
        if (!checkout.ok()) {
            return Result.err(Failure.environment("cannot check out " + commit + ": " + checkout.tail(3), null));
        }
        if (!excluded.isEmpty()) {
            List<String> remove = new ArrayList<>(List.of("update-index", "--force-remove", "--"));
            remove.addAll(excluded);
            Exec.Output removed = work.run(remove, null);
            Exec.Output commitOut = removed.ok()
                    ? work.run("commit", "--quiet", "--no-verify", "-m", ForkMaterializer.LEAVE_OUT_SUBJECT) : removed;
            if (!commitOut.ok()) {
                return Result.err(Failure.environment("cannot leave out the absent files: " + commitOut.tail(3), null));
            }
        }
        return Result.ok(work);
    }
}
