package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Exec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throwaway upstream repository and patch series for fork tests. */
final class GitFixture {
    final Path upstream;
    final Path patches;
    final Git git;

    GitFixture(Path root) throws IOException {
        upstream = Files.createDirectories(root.resolve("upstream"));
        patches = Files.createDirectories(root.resolve("patches"));
        git = new Git(upstream);
        ok(git.run("init", "--quiet", "-b", "main"));
    }

    String commit(String message, String... pathAndContent) throws IOException {
        for (int i = 0; i < pathAndContent.length; i += 2) {
            Path file = upstream.resolve(pathAndContent[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathAndContent[i + 1]);
        }
        ok(git.run("add", "-A"));
        ok(git.run("commit", "--quiet", "-m", message));
        return git.run("rev-parse", "HEAD").stdout().strip();
    }

    /** Writes a format-patch of a change made on top of {@code base} into patches/. */
    String patch(String name, String base, String path, String newContent) throws IOException {
        ok(git.run("checkout", "--quiet", "-b", "work-" + name, base));
        Files.writeString(upstream.resolve(path), newContent);
        ok(git.run("commit", "--quiet", "-am", "change " + path));
        Exec.Output out = git.run("format-patch", "--stdout", "-1", "HEAD");
        ok(out);
        Files.writeString(patches.resolve(name), out.stdout());
        ok(git.run("checkout", "--quiet", "main"));
        return name;
    }

    void pin(String commit, String... seriesNames) throws IOException {
        Files.writeString(patches.resolve("upstream.properties"), "url=" + upstream + "\ncommit=" + commit + "\n");
        Files.write(patches.resolve("series"), List.of(seriesNames));
    }

    /** Makes the upstream a partial clone lacking one blob, as the public mirror lacks a keymap. */
    void deleteBlob(String path, String commit) throws IOException {
        String blob = git.run("rev-parse", commit + ":" + path).stdout().strip();
        Path loose = upstream.resolve(".git/objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
        assertThat(loose).exists();
        Files.delete(loose);
    }

    static void ok(Exec.Output out) {
        assertThat(out.exitCode()).as(out.stderr()).isZero();
    }
}
