package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.fork.PatchVerdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RebaseCheckTest {
    @TempDir Path tmp;
    GitFixture fx;
    String pin;
    final List<String> progress = new ArrayList<>();

    /** 30 numbered lines, some replaced: a file long enough for hunks with their own context. */
    static String lines(Object... lineAndText) {
        Map<Integer, String> replaced = new TreeMap<>();
        for (int i = 0; i < lineAndText.length; i += 2) {
            replaced.put((Integer) lineAndText[i], (String) lineAndText[i + 1]);
        }
        StringBuilder out = new StringBuilder();
        for (int n = 1; n <= 30; n++) {
            out.append(replaced.getOrDefault(n, "line " + n)).append('\n');
        }
        return out.toString();
    }

    @BeforeEach
    void setUp() throws IOException {
        fx = new GitFixture(tmp);
        pin = fx.commit("upstream", "toolkit/a.py", lines(), "toolkit/b.py", "b = 1\n");
    }

    private String head(String branch) {
        return fx.git.run("rev-parse", branch).stdout().strip();
    }

    private RebaseCheck rebaseCheck() {
        UpstreamPin p = ((Result.Ok<UpstreamPin>) UpstreamPin.load(fx.patches)).value();
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(fx.patches)).value();
        ForkMaterializer m = new ForkMaterializer(tmp.resolve("cache/upstream"), tmp.resolve("cache/fork/ai-toolkit"), p, series, progress::add);
        return new RebaseCheck(m, tmp.resolve("cache/scratch"), p, series, progress::add);
    }

    private RebaseReport check(String rev) {
        Result<RebaseReport> r = rebaseCheck().check(fx.upstream.toString(), rev);
        assertThat(r).as(() -> r instanceof Result.Err<RebaseReport> e ? e.failure().message() : "").isInstanceOf(Result.Ok.class);
        return ((Result.Ok<RebaseReport>) r).value();
    }

    @Test
    void tellsCleanLineOffsetAndThreeWayApart() throws IOException {
        fx.patch("0001-offset.patch", pin, "toolkit/a.py", lines(5, "five"));
        fx.patch("0002-clean.patch", pin, "toolkit/b.py", "b = 2\n");
        // Written on top of 0001, so its pre-image blob exists only in the fork, never upstream.
        fx.patch("0003-three-way.patch", head("work-0001-offset.patch"), "toolkit/a.py", lines(5, "five", 25, "twenty-five"));
        fx.pin(pin, "0001-offset.patch", "0002-clean.patch", "0003-three-way.patch");
        String forkOnlyBlob = fx.git.run("rev-parse", "work-0001-offset.patch:toolkit/a.py").stdout().strip();
        forgetWorkBranches();
        assertThat(fx.git.run("cat-file", "-e", forkOnlyBlob).ok()).as("the upstream must not have the fork's blob").isFalse();
        // Upstream: three lines on top (every hunk of a.py moves by 3) and a changed context line of 0003's hunk.
        String moved = fx.commit("upstream moves", "toolkit/a.py", "x\ny\nz\n" + lines(23, "line 23 changed"));

        RebaseReport report = check(moved);

        assertThat(report.patches()).extracting(PatchVerdict::verdict)
                .containsExactly(Verdict.OFFSET, Verdict.CLEAN, Verdict.THREE_WAY);
        assertThat(report.patches().get(0).offsets()).containsExactly(new PatchVerdict.Offset("toolkit/a.py", 1, 5, 3));
        assertThat(report.patches().get(0).changedUpstream()).containsExactly("toolkit/a.py");
        assertThat(report.patches().get(1).changedUpstream()).isEmpty();
        assertThat(report.ahead()).isEqualTo(1);
        assertThat(report.behind()).isZero();
        assertThat(report.summary().forkApplyWouldSucceed()).isFalse();
        assertThat(report.summary().firstBlocking()).isEqualTo("0003-three-way.patch");
        assertThat(report.summary().counts()).containsEntry("offset", 1).containsEntry("clean", 1).containsEntry("three-way", 1)
                .containsEntry("conflict", 0).containsEntry("already-applied", 0);
    }

    /** Drops the branches the patches were written on, and their objects, as a real upstream never had them. */
    private void forgetWorkBranches() {
        for (String branch : fx.git.run("branch", "--format=%(refname:short)", "--list", "work-*").stdout().strip().split("\n")) {
            GitFixture.ok(fx.git.run("branch", "-D", branch));
        }
        GitFixture.ok(fx.git.run("reflog", "expire", "--expire=now", "--all"));
        GitFixture.ok(fx.git.run("gc", "--quiet", "--prune=now"));
    }

    @Test
    void conflictNamesTheHunkAndLaterPatchesAreStillChecked() throws IOException {
        fx.patch("0001-two-hunks.patch", pin, "toolkit/a.py", lines(5, "five", 25, "twenty-five"));
        fx.patch("0002-same-file.patch", head("work-0001-two-hunks.patch"), "toolkit/a.py",
                lines(5, "five", 6, "six", 25, "twenty-five"));
        fx.patch("0003-other-file.patch", pin, "toolkit/b.py", "b = 2\n");
        fx.pin(pin, "0001-two-hunks.patch", "0002-same-file.patch", "0003-other-file.patch");
        String moved = fx.commit("upstream rewrites line 25", "toolkit/a.py", lines(25, "25 upstream"));

        RebaseReport report = check(moved);

        PatchVerdict conflict = report.patches().get(0);
        assertThat(conflict.verdict()).isEqualTo(Verdict.CONFLICT);
        assertThat(conflict.conflicts()).singleElement().satisfies(h -> {
            assertThat(h.file()).isEqualTo("toolkit/a.py");
            assertThat(h.where()).startsWith("hunk #2 @@ -22,7 +22,7 @@");
        });
        assertThat(conflict.mergeConflicts()).containsExactly("toolkit/a.py");
        // 0002's context includes 0001's first hunk, which the partial application kept.
        assertThat(report.patches().get(1).verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(report.patches().get(1).afterConflictIn()).containsExactly("0001-two-hunks.patch");
        assertThat(report.patches().get(2).verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(report.patches().get(2).afterConflictIn()).isEmpty();
        assertThat(report.summary().firstBlocking()).isEqualTo("0001-two-hunks.patch");
    }

    @Test
    void patchThatUpstreamAlreadyHasIsReported() throws IOException {
        fx.patch("0001-fix.patch", pin, "toolkit/b.py", "b = 2\n");
        fx.pin(pin, "0001-fix.patch");
        String merged = fx.commit("upstream takes the fix", "toolkit/b.py", "b = 2\n");

        RebaseReport report = check(merged);

        assertThat(report.patches().get(0).verdict()).isEqualTo(Verdict.ALREADY_APPLIED);
        assertThat(report.summary().forkApplyWouldSucceed()).isFalse();
    }

    @Test
    void checkingThePinLeavesTheMaterialisedForkAndNoScratchBehind() throws IOException {
        fx.pin(pin, fx.patch("0001-a.patch", pin, "toolkit/a.py", lines(5, "five")));
        ForkMaterializer materializer = new ForkMaterializer(tmp.resolve("cache/upstream"), tmp.resolve("cache/fork/ai-toolkit"),
                ((Result.Ok<UpstreamPin>) UpstreamPin.load(fx.patches)).value(),
                ((Result.Ok<PatchSeries>) PatchSeries.load(fx.patches)).value(), progress::add);
        ForkState fork = ((Result.Ok<ForkState>) materializer.apply(fx.upstream.toString())).value();
        String forkHead = new Git(fork.dir()).run("rev-parse", "HEAD").stdout();
        String stamp = Files.readString(fork.dir().resolve(ForkStamp.FILE_NAME));
        String status = new Git(fork.dir()).run("status", "--porcelain").stdout();

        RebaseReport report = check(pin);

        assertThat(report.patches()).extracting(PatchVerdict::verdict).containsExactly(Verdict.CLEAN);
        assertThat(report.ahead()).isZero();
        assertThat(report.behind()).isZero();
        assertThat(report.summary().forkApplyWouldSucceed()).isTrue();
        assertThat(new Git(fork.dir()).run("rev-parse", "HEAD").stdout()).isEqualTo(forkHead);
        assertThat(Files.readString(fork.dir().resolve(ForkStamp.FILE_NAME))).isEqualTo(stamp);
        assertThat(new Git(fork.dir()).run("status", "--porcelain").stdout()).isEqualTo(status);
        try (var left = Files.list(tmp.resolve("cache/scratch"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void blobAbsentAtTheRevisionIsLeftOutAndEvenAPartialPatchCommits() throws IOException {
        fx.patch("0001-conflict.patch", pin, "toolkit/a.py", lines(5, "five", 25, "twenty-five"));
        fx.patch("0002-clean.patch", pin, "toolkit/b.py", "b = 2\n");
        fx.pin(pin, "0001-conflict.patch", "0002-clean.patch");
        String moved = fx.commit("upstream", "toolkit/a.py", lines(25, "25 upstream"),
                "toolkit/keymaps/big.safetensors", "0123456789".repeat(100));
        fx.deleteBlob("toolkit/keymaps/big.safetensors", moved);

        RebaseReport report = check(moved);

        assertThat(report.excludedPaths()).containsExactly("toolkit/keymaps/big.safetensors");
        assertThat(report.patches()).extracting(PatchVerdict::verdict).containsExactly(Verdict.CONFLICT, Verdict.CLEAN);
    }

    @Test
    void branchNamesAreFetchedSoTheyMeanWhatTheyMeanUpstreamNow() throws IOException {
        fx.pin(pin, fx.patch("0001-a.patch", pin, "toolkit/a.py", lines(5, "five")));
        assertThat(check("main").patches().get(0).verdict()).isEqualTo(Verdict.CLEAN);

        fx.commit("upstream rewrites line 5", "toolkit/a.py", lines(5, "5 upstream"));
        RebaseReport again = check("main");

        assertThat(again.patches().get(0).verdict()).isEqualTo(Verdict.CONFLICT);
        assertThat(again.revCommit()).isEqualTo(head("main"));
        assertThat(again.rev()).isEqualTo("main");
    }

    @Test
    void fullCommitIdIsServedFromTheCacheWithoutTheSource() throws IOException {
        fx.pin(pin, fx.patch("0001-a.patch", pin, "toolkit/a.py", lines(5, "five")));
        String moved = fx.commit("upstream moves", "toolkit/b.py", "b = 3\n");
        check(moved);
        progress.clear();
        // A source that does not exist proves no clone or fetch is attempted.
        Result<RebaseReport> again = rebaseCheck().check(tmp.resolve("no-such-source").toString(), moved);
        assertThat(((Result.Ok<RebaseReport>) again).value().patches().get(0).verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(progress).noneMatch(p -> p.startsWith("cloning") || p.startsWith("fetching"));
    }

    @Test
    void unknownRevisionIsAUserError() throws IOException {
        fx.pin(pin, fx.patch("0001-a.patch", pin, "toolkit/a.py", lines(5, "five")));
        Result<RebaseReport> r = rebaseCheck().check(fx.upstream.toString(), "no-such-branch");
        var failure = ((Result.Err<RebaseReport>) r).failure();
        assertThat(failure.exitCode()).isEqualTo(ExitCode.USER_ERROR);
        assertThat(failure.message()).contains("has no commit no-such-branch");
    }

    @Test
    void seriesThatNoLongerAppliesToThePinIsAnError() throws IOException {
        String other = fx.commit("elsewhere", "toolkit/a.py", lines(5, "5 elsewhere"));
        fx.patch("0001-a.patch", other, "toolkit/a.py", lines(5, "five"));
        fx.pin(pin, "0001-a.patch");
        Result<RebaseReport> r = rebaseCheck().check(fx.upstream.toString(), other);
        assertThat(((Result.Err<RebaseReport>) r).failure().message())
                .contains("0001-a.patch does not apply to the pin").contains("toolkit/a.py");
    }
}
