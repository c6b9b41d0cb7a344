package dev.ltx2.orchestrator.core;

import dev.ltx2.orchestrator.demo.DemoAssets;
import dev.ltx2.orchestrator.fork.ForkMaterializer;
import dev.ltx2.orchestrator.fork.ForkState;
import dev.ltx2.orchestrator.fork.PatchSeries;
import dev.ltx2.orchestrator.fork.RebaseCheck;
import dev.ltx2.orchestrator.fork.UpstreamPin;
import dev.ltx2.orchestrator.pyenv.EnvironmentBuilder;
import dev.ltx2.orchestrator.pyenv.LockFile;
import dev.ltx2.orchestrator.pyenv.PythonEnv;

/**
 * Everything a command may need to prepare before Python runs: the venv, the patched fork
 * and the demo assets. Each step is idempotent and cheap when already done.
 */
public final class Workspace {
    private final Layout layout;
    private final Progress progress;

    public Workspace(Layout layout, Progress progress) {
        this.layout = layout;
        this.progress = progress;
    }

    public Layout layout() {
        return layout;
    }

    public PythonEnv pythonEnv() {
        return new PythonEnv(layout.venvDir(), layout.pythonSource(), layout.forkDir());
    }

    public Result<UpstreamPin> pin() {
        return UpstreamPin.load(layout.patchesDir());
    }

    public Result<ForkMaterializer> forkMaterializer() {
        return pin().then(pin -> PatchSeries.load(layout.patchesDir())
                .map(series -> new ForkMaterializer(layout.upstreamMirrors(), layout.forkDir(), pin, series, progress)));
    }

    /** Checks the series against another upstream revision without touching the fork. */
    public Result<RebaseCheck> rebaseCheck() {
        return pin().then(pin -> PatchSeries.load(layout.patchesDir())
                .then(series -> forkMaterializer()
                        .map(m -> new RebaseCheck(m, layout.scratchDir(), pin, series, progress::line))));
    }

    /** Makes the fork match the pin and series; {@code upstream} null means the pinned URL. */
    public Result<ForkState> ensureFork(String upstream) {
        return pin().then(pin -> forkMaterializer().then(m -> m.apply(upstream != null ? upstream : pin.defaultUrl())));
    }

    public Result<EnvironmentBuilder.Created> ensureEnv(String basePython) {
        return LockFile.load(layout.pythonEnvDir())
                .then(lock -> new EnvironmentBuilder(pythonEnv(), lock, BuildInfo.jepVersion(), progress).create(basePython));
    }

    /** What a tool that trains needs (the checklist, the labs): the venv, then the fork; the venv to run in. */
    public Result<PythonEnv> ensureEnvAndFork(String upstream) {
        return ensureEnv("python3").then(created -> ensureFork(upstream)).map(fork -> pythonEnv());
    }

    public Result<java.nio.file.Path> ensureDemo() {
        return new DemoAssets(layout.demoDir(), pythonEnv(), progress).ensure();
    }
}
