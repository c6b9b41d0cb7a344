package dev.ltx2.orchestrator.fork;

import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The SOP's delivery artefacts (its section 7), produced from the materialised fork at run
 * time: the combined patch against the pin, the SOP with each item's status, and a zip of
 * both plus every upstream file the series modifies, as patched, and our Python package the
 * patch calls into (its hunks import {@code ltx2_character}). Nothing of this is stored in
 * the repository.
 */
public final class ForkExport {
    public static final String PATCH = "ltx2-audio-fixes.patch";
    public static final String SOP = "LTX2_AUDIO_SOP.md";
    public static final String ZIP = "ltx2_improvements_handoff.zip";
    public static final String PACKAGE = "ltx2_character";

    public record Exported(Path patch, Path sop, Path zip, List<String> modifiedFiles) {}

    private ForkExport() {}

    /** {@code pythonSrc}: the folder holding the {@code ltx2_character} package ({@code python-env/src}). */
    public static Result<Exported> export(ForkState fork, String sopText, SopItems items, Path pythonSrc, Path out) {
        Git git = new Git(fork.dir());
        String from = ForkBase.of(fork);
        Exec.Output diff = git.run("diff", "--no-color", from, "HEAD");
        Exec.Output names = git.run("diff", "--name-only", "--diff-filter=AM", from, "HEAD");
        if (!diff.ok() || !names.ok()) {
            return Result.err(Failure.environment("cannot diff the fork against the pin: " + diff.tail(3), "run: orchestrator fork apply"));
        }
        try {
            Files.createDirectories(out);
            Path patch = Files.writeString(out.resolve(PATCH), diff.stdout(), StandardCharsets.UTF_8);
            Path sop = Files.writeString(out.resolve(SOP), SopDocument.withStatus(sopText, items), StandardCharsets.UTF_8);
            List<String> modified = new ArrayList<>(names.stdout().lines().filter(l -> !l.isBlank()).toList());
            Path zip = out.resolve(ZIP);
            try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
                add(z, PATCH, Files.readAllBytes(patch));
                add(z, SOP, Files.readAllBytes(sop));
                add(z, "README.md", readme(fork.commit()).getBytes(StandardCharsets.UTF_8));
                for (String file : modified) {
                    add(z, "modified/" + file, Files.readAllBytes(fork.dir().resolve(file)));
                }
                for (Path source : packageFiles(pythonSrc.resolve(PACKAGE))) {
                    add(z, "python/" + pythonSrc.relativize(source).toString().replace('\\', '/'), Files.readAllBytes(source));
                }
            }
            return Result.ok(new Exported(patch, sop, zip, modified));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot write the export to " + out + ": " + e.getMessage(), null));
        }
    }

    private static List<Path> packageFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("the Python package is missing: " + root);
        }
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
    }

    private static String readme(String pin) {
        return """
                # LTX-2 audio fixes for ai-toolkit

                - `%s`: every change, as one diff against ai-toolkit commit `%s`.
                - `%s`: the SOP with each item's status (patched, upstream or superseded) and its evidence.
                - `modified/`: each upstream file the patch changes, as patched.
                - `python/%s/`: the package the patch calls into; the patch's hunks import it.

                To use it without the orchestrator:

                    git -C ai-toolkit checkout %s
                    git -C ai-toolkit apply ../%s
                    export PYTHONPATH=$PWD/python:$PYTHONPATH   # or copy python/%s next to run.py

                The orchestrator (`orchestrator fork apply`) does the same from its patch series.
                """.formatted(PATCH, pin, SOP, PACKAGE, pin, PATCH, PACKAGE);
    }

    private static void add(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
