package dev.ltx2.orchestrator.cli;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.fork.LockfileDelta;
import dev.ltx2.orchestrator.fork.LockfileDeltas;
import dev.ltx2.orchestrator.fork.UpstreamPin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code orchestrator fork lockfile-delta --tree DIR}: after npm rewrote a lockfile in a clone of the
 * fork (a dependency added or moved), write our entries of it as the delta {@code fork apply}
 * applies (docs/patches.md, "Lockfiles"), instead of a diff hunk in the series.
 */
@Command(name = "lockfile-delta", mixinStandardHelpOptions = true,
        description = "Write patches/overlay-data/FILE's delta: the lockfile FILE in a fork clone (as npm left it) "
                + "against the same file at the pin.")
public final class ForkLockfileDeltaCommand implements Callable<Integer> {
    @Mixin CacheOption cache;
    @Option(names = "--tree", required = true, paramLabel = "DIR", description = "A clone of the fork with npm's new lockfile.")
    Path tree;
    @Option(names = "--file", paramLabel = "FILE", description = "The lockfile, relative to the tree (default: ${DEFAULT-VALUE}).")
    String file = "ui/package-lock.json";
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr());
        Path patches = cache.layout().patchesDir();
        Result<UpstreamPin> pin = UpstreamPin.load(patches);
        if (pin instanceof Result.Err<UpstreamPin> e) return console.fail(e.failure());
        try {
            LockfileDelta delta = LockfileDeltas.regenerate(tree, ((Result.Ok<UpstreamPin>) pin).value().commit(), file);
            Path out = LockfileDeltas.deltaFile(patches, file);
            Files.createDirectories(out.getParent());
            Files.writeString(out, delta.toJson(), StandardCharsets.UTF_8);
            console.info("wrote " + out + " (" + delta.changes().size() + " changes); fork apply applies it after the series");
            return 0;
        } catch (IOException | LockfileDelta.DeltaException e) {
            return console.fail(Failure.user(e.getMessage(), "point --tree at a clone of the fork whose " + file
                    + " npm wrote (docs/patches.md, \"Lockfiles\")"));
        }
    }
}
