"""Full-size LTX-2 LoRA training-step benchmarks on a CUDA machine (docs/benchmarks.md), from a
bundle made by bin/gpu-bundle; bin/gpu-bench launches this module. Needs python with a CUDA torch;
no network, no JDK. Results: one JSON object per configuration in RESULTS_DIR/steps.jsonl, logs
beside it (bench.log, gpu.txt).

usage: bin/gpu-bench [--budget SECONDS] [--smoke] [--dry-run] BUNDLE_DIR RESULTS_DIR PART...
  --budget  wall-clock seconds for the whole run (default 510, what one ~9-minute GPU call leaves
           after the machine starts); each part runs under a timeout of what is left, and a part
           that would not fit is recorded as skipped ({"type": "skipped"} in steps.jsonl), never hung
  --smoke   a dry run on the CPU: the tiny LTX-2 at tiny shapes, same parts, same records (checks the
           bundle, the scripts and the records before GPU time is spent; none of its figures means
           anything). PYTHON=... picks the interpreter (default python3).
  --dry-run  print each run's command line and timeout; installs, unpacks and runs nothing
  fast     the fast path against eager on one model, alternating step by step (paired ratio):
           81 and 121 frames, checkpointing on; the fast arm's compile warm-up is in its records
  fast-keep  the `fast` pair with selective checkpointing: the fast arm keeps 12, then 24 blocks'
           activations (ltx2_tools.bench.selective_checkpointing), 81 and 121 frames
  checklist-gpu  the SOP checklist with --gpu (items 7 and 8 on CUDA), verdicts in checklist-gpu.json
  fast-offload  the same pair with the 32 GiB layer-offloading settings (as fit32-offload's first row)
  peer-compile  Lightricks' ltx-trainer with its own torch.compile option (Accelerate's dynamo plugin)
  jep-gap  the Jep gap: plain Python and the Jep runner in alternating processes (3 rounds, 6
           processes), the step of an 8-layer full-width LTX-2 at 81 frames, host-bound like the full one
  eager    patched and upstream forks: 81 and 121 frames, checkpointing on and off; LTX-2.3 at 81
  ab       patched and upstream model code interleaved step by step on one model (a paired
           ratio): 81 and 121 frames, checkpointing on, plain Python
  ab81     the same at 81 frames only (run before and after `jep-ab` to bracket it)
  jep-ab   `ab81` in-process through the orchestrator's Jep runner (the Jep overhead)
  compile  patched fork: block torch.compile, 81 frames, checkpointing on
  profile  patched fork, 81 frames: a torch.profiler table of one step in bench.log
  profile-fast  the `fast` pair at 81 frames, checkpointing on (1 warm-up, 3 timed pairs), then one
           step of the fast arm under torch.profiler: top GPU kernels and CPU ops in bench.log, and a
           {"type": "profile"} record with their shares and the step's phases in steps.jsonl
  fit32    GPU memory capped at 32 GiB: bf16 base, then qfloat8 base (81 frames, rank 32)
  fit32-fp8  the qfloat8 row of fit32 alone
  fit32-offload  capped at 32 GiB with ai-toolkit's layer offloading: bf16 base with 60% of
           the linears on the CPU, then an 8-bit base with 30%
  jep      the same step in plain Python and in-process through the orchestrator's Jep runner
  peer     Lightricks' ltx-trainer on the same shapes (needs the bundle's ltx2-src)
  ddp      data-parallel scaling: the 81-frame step on 1, 2, 4 and 8 GPUs through torchrun
           (as many as the machine has), LoRA gradients all-reduced as in training
           (ltx2_tools.bench.scaling); prints the scaling table
  host     host-side dispatch probes (ltx2_tools.bench.host_overhead), plain Python and
           in-process Jep alternately, three rounds

The matrix is data: parts() maps each part to its stages, a stage to the runs it starts when
enough of the budget is left, a run to its module, arguments and cap; command() turns a run into
a command line (plain Python, Jep through the bundled JRE, or the peer on its own PYTHONPATH).
Exit status: 1 for an unknown part (before anything runs), 2 when the bundle's wheels do not
install or its forks do not unpack, else the summary's.
"""
from __future__ import annotations

import argparse
import enum
import glob
import json
import os
import shlex
import signal
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ltx2_tools.bench.budget import Budget, skip_line

DEFAULT_BUDGET_S = 510
BENCH_CAP_S = 420  # a step-benchmark process, plain or through Jep
PEER_CAP_S = 240
CHECKLIST_CAP_S = 360
HOST_CAP_S = 300  # a plain host-overhead process (not held to the budget)
DDP_CAP_S = 3000  # the scaling sweep (not held to the budget)

STEP_BENCHMARK = "ltx2_tools.bench.step_benchmark"
# the smoke run's shapes: the tiny LTX-2 on the CPU (later options win over the parts' own)
SMOKE_SHAPE = ("--size", "tiny", "--device", "cpu", "--frames", "9", "--width", "64", "--height", "64",
               "--text-tokens", "16", "--warmup", "1", "--steps", "2")
PEER_SHAPE = ("--frames", "81,121")
PEER_SMOKE_SHAPE = ("--tiny", "--layers", "1", "--device", "cpu", "--frames", "9", "--width", "256",
                    "--height", "192", "--warmup", "1", "--steps", "2")
# what every process of the run sees besides PYTHONPATH
ENVIRONMENT = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONUNBUFFERED": "1",
               "NO_ALBUMENTATIONS_UPDATE": "1", "DISABLE_TELEMETRY": "YES"}
NO_PEER_SOURCE = "the bundle has no ltx2-src (bin/gpu-bundle --ltx2-repo)"
SEE_LOG = " (see bench.log)"


class Kind(enum.Enum):
    PYTHON = "python"  # python -m MODULE on the bundle's wheels
    JEP = "jep"  # MODULE in-process through the orchestrator's Jep runner (bench-step), the bundled JRE
    PEER = "peer"  # python -m MODULE on the peer's wheels only (Lightricks' trainer)


@dataclass(frozen=True)
class Run:
    """One process: bench.log's line for it (after "» "), the module and its arguments, and its cap."""
    kind: Kind
    announce: str
    module: str | None  # JEP: bench-step --module (None: its default, the step benchmark)
    args: tuple[str, ...]
    cap_s: int
    budgeted: bool = True  # the timeout is min(cap, what is left); else the cap alone
    tee: bool = False  # its output on the console too, not only in bench.log
    exit_note: str | None = SEE_LOG  # after "  exit N" when it fails; None: no line


@dataclass(frozen=True)
class Stage:
    """Runs that start only when need_s seconds of the budget are left; otherwise the stage and
    the rest of its part are skipped, with a record naming `part`. part None: always starts."""
    runs: tuple[Run, ...]
    part: str | None = None
    need_s: int = 0


@dataclass(frozen=True)
class Where:
    """The paths a run's command line names."""
    python: str  # the interpreter (this one)
    src: str  # the repository's python-env/src
    work: str  # the bundle unpacked: site/, patched/, upstream/, jre/, peer-site/
    bundle: str
    results: str
    purelib: str  # the interpreter's site-packages, for the embedded one
    peer_revision: str | None  # the bundle's ltx2-src REVISION; None: it has no ltx2-src

    @property
    def steps(self) -> str:
        return f"{self.results}/steps.jsonl"


def _bench(w: Where, smoke: bool, label: str, fork: str, *args: str) -> Run:
    """The step benchmark in plain Python on one fork (later options win over the defaults)."""
    shape = SMOKE_SHAPE if smoke else ()
    return Run(Kind.PYTHON, f"{label} {' '.join(args)}", STEP_BENCHMARK,
               ("--fork", f"{w.work}/{fork}", "--label", label, "--out", w.steps, "--warmup", "2", "--steps", "10",
                *args, *shape), BENCH_CAP_S)


def _jep(label: str, module: str | None, *args: str) -> Run:
    """A benchmark module in-process through Jep (its --out is added by command())."""
    shown = (("--module", module) if module else ()) + ("--",) + args
    return Run(Kind.JEP, f"{label} (orchestrator bench-step, in-process Jep) {' '.join(shown)}", module, args,
               BENCH_CAP_S)


def _jep_bench(w: Where, smoke: bool, label: str, *args: str) -> Run:
    """The step benchmark in-process through Jep on the patched fork."""
    shape = SMOKE_SHAPE if smoke else ()
    return _jep(label, None, "--fork", f"{w.work}/patched", "--label", label, "--warmup", "2", "--steps", "10",
                *args, *shape)


def _peer(w: Where, smoke: bool, label: str, *args: str) -> Run:
    """Lightricks' trainer on the same shapes (without the ai-toolkit wheels: its own packages)."""
    shape = PEER_SMOKE_SHAPE if smoke else PEER_SHAPE
    return Run(Kind.PEER, f"{label} {w.peer_revision} {' '.join(args)}", "ltx2_tools.bench.ltx_trainer_step",
               ("--ltx2-src", f"{w.bundle}/ltx2-src", "--label", label, "--out", w.steps, "--warmup", "2",
                "--steps", "8", "--checkpointing", "on", *args, *shape), PEER_CAP_S)


def _once(*runs: Run, part: str | None = None, need_s: int = 0) -> tuple[Stage, ...]:
    return (Stage(runs, part, need_s),)


def parts(w: Where, smoke: bool) -> dict[str, tuple[Stage, ...]]:
    """Every part of the matrix, in the order of --help."""
    bench = lambda label, fork, *args: _bench(w, smoke, label, fork, *args)  # noqa: E731
    shape = SMOKE_SHAPE if smoke else ()
    compare = ("--compare-fork", f"{w.work}/upstream")
    cap32 = ("--frames", "81", "--checkpointing", "on", "--memory-cap-gib", "32")
    return {
        # build ~30 s, a compile warm-up at each length, 2+8 pairs of ~1.5 + 2.4 s per length
        "fast": _once(bench("patched", "patched", "--fast-arm", "--frames", "81,121", "--checkpointing", "on",
                            "--warmup", "2", "--steps", "8"), part="fast", need_s=150),
        # selective checkpointing: the fast arm keeps 12, then 24 blocks' activations (an out-of-memory is a record)
        "fast-keep": _once(bench("patched", "patched", "--fast-arm", "--frames", "81,121", "--checkpointing", "on",
                                 "--keep-blocks", "12,24", "--warmup", "1", "--steps", "4"),
                           part="fast-keep", need_s=180),
        # the SOP checklist with its CUDA items (7: compile, 8: VRAM), on the tiny LTX-2
        "checklist-gpu": _once(Run(Kind.PYTHON, "checklist --gpu", "ltx2_tools.checklist",
                                   ("--fork", f"{w.work}/patched", "--work", f"{w.work}/checklist", "--gpu",
                                    "--out", f"{w.results}/checklist-gpu.json"), CHECKLIST_CAP_S),
                               part="checklist-gpu", need_s=150),
        # the 32 GiB settings (bf16 base, 60% of the linears on the CPU): the plan keeps the LoRA path, no compile
        "fast-offload": _once(bench("patched-32g", "patched", "--fast-arm", "--frames", "81", "--checkpointing", "on",
                                    "--memory-cap-gib", "32", "--offload-percent", "0.6", "--steps", "4",
                                    "--warmup", "1"), part="fast-offload", need_s=200),
        "peer-compile": _once(_peer(w, smoke, "ltx-trainer-compile", "--compile", "on"),
                              part="peer-compile", need_s=120),
        # each process: imports ~15 s, an 8-layer model, 3 warm-up and 12 timed steps of ~0.4 s
        "jep-gap": tuple(
            Stage((bench(f"gap-python-{r}", "patched", "--layers", "8", "--frames", "81", "--checkpointing", "on",
                         "--warmup", "3", "--steps", "12"),
                   _jep(f"gap-jep-{r}", None, "--fork", f"{w.work}/patched", "--label", f"gap-jep-{r}", "--layers",
                        "8", "--frames", "81", "--checkpointing", "on", "--warmup", "3", "--steps", "12", *shape)),
                  part=f"jep-gap round {r}", need_s=70)
            for r in (1, 2, 3)),
        "eager": _once(bench("patched", "patched", "--frames", "81,121", "--checkpointing", "on,off"),
                       bench("upstream", "upstream", "--frames", "81,121", "--checkpointing", "on,off"),
                       bench("patched", "patched", "--arch", "ltx2.3", "--frames", "81", "--checkpointing", "on")),
        "compile": _once(bench("patched", "patched", "--frames", "81", "--checkpointing", "on", "--compile", "on")),
        # build ~30 s, the compile warm-up ~35 s, 4 pairs of ~1 + 2 s, the profiled step and its tables
        "profile-fast": _once(bench("patched", "patched", "--fast-arm", "--frames", "81", "--checkpointing", "on",
                                    "--profile", "--warmup", "1", "--steps", "3"), part="profile-fast", need_s=120),
        "profile": _once(bench("patched-profile", "patched", "--frames", "81", "--checkpointing", "on", "--profile",
                               "--steps", "3")),
        "fit32": _once(bench("patched-32g", "patched", *cap32),
                       bench("patched-32g", "patched", *cap32, "--qtype", "qfloat8")),
        "fit32-fp8": _once(bench("patched-32g", "patched", *cap32, "--qtype", "qfloat8")),
        "ab": _once(bench("patched", "patched", *compare, "--frames", "81,121", "--checkpointing", "on")),
        "ab81": _once(bench("patched", "patched", *compare, "--frames", "81", "--checkpointing", "on")),
        "jep-ab": _once(_jep_bench(w, smoke, "patched", *compare, "--frames", "81", "--checkpointing", "on")),
        "jep": _once(bench("plain-python", "patched", "--frames", "81", "--checkpointing", "on"),
                     _jep_bench(w, smoke, "jep", "--frames", "81", "--checkpointing", "on")),
        "fit32-offload": _once(
            bench("patched-32g", "patched", *cap32, "--offload-percent", "0.6", "--steps", "4", "--warmup", "1"),
            bench("patched-32g", "patched", *cap32, "--qtype", "qfloat8", "--offload-percent", "0.3", "--steps", "4",
                  "--warmup", "1")),
        "ddp": _once(Run(Kind.PYTHON, "ddp scaling", "ltx2_tools.bench.scaling",
                         ("--fork", f"{w.work}/patched", "--out", w.steps, "--frames", "81", "--checkpointing", "on",
                          "--warmup", "3", "--steps", "10"), DDP_CAP_S, budgeted=False, tee=True, exit_note=None)),
        "host": tuple(
            Stage((Run(Kind.PYTHON, f"host overhead, plain Python (round {r})", "ltx2_tools.bench.host_overhead",
                       ("--label", f"python-{r}", "--out", w.steps), HOST_CAP_S, budgeted=False, exit_note=""),
                   _jep(f"host-jep-{r}", "ltx2_tools.bench.host_overhead", "--label", f"jep-{r}")))
            for r in (1, 2, 3)),
        "peer": _once(_peer(w, smoke, "ltx-trainer"), part="peer", need_s=90),
    }


PART_NAMES = tuple(parts(Where("python", "src", "work", "bundle", "results", "purelib", None), False))


def command(run: Run, w: Where) -> tuple[list[str], str]:
    """A run's command line and the PYTHONPATH it runs with."""
    site = f"{w.work}/site:{w.src}"
    if run.kind is Kind.JEP:
        module = ["--module", run.module] if run.module else []
        return ([f"{w.work}/jre/bin/java", "-jar", f"{w.bundle}/orchestrator.jar", "bench-step",
                 "--jep-library", f"{w.work}/site/jep/libjep.so",
                 # the embedded interpreter sees the same packages as w.python (a venv's are not on its default path)
                 "--python-path", f"{site}:{w.purelib}", *module, "--", "--out", w.steps, *run.args], site)
    if run.kind is Kind.PEER:
        return [w.python, "-m", str(run.module), *run.args], f"{w.work}/peer-site:{w.src}"
    return [w.python, "-m", str(run.module), *run.args], site


def unknown_parts(names: list[str]) -> list[str]:
    return [n for n in names if n not in PART_NAMES]


# --- running it -----------------------------------------------------------------------------------

class Log:
    """bench.log (with the console) and steps.jsonl in the results folder."""

    def __init__(self, results: Path) -> None:
        self.path = results / "bench.log"
        self.steps = results / "steps.jsonl"

    def say(self, line: str) -> None:
        print(line, flush=True)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(line + "\n")

    def record(self, record: dict) -> None:
        with open(self.steps, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")


def call(argv: list[str], env: dict[str, str], timeout_s: float, log_path: Path, tee: bool = False,
         grace_s: float = 30.0) -> int:
    """Runs argv with its output appended to log_path (and on the console with tee); after
    timeout_s its process group gets SIGTERM, grace_s later SIGKILL. The exit status as timeout(1)
    gives it: 124 when timed out, 128+N for signal N, 127 when the program is missing."""
    with open(log_path, "ab") as log:
        try:
            proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.PIPE if tee else log, stderr=subprocess.STDOUT,
                                    start_new_session=True)
        except OSError as e:
            log.write(f"{argv[0]}: {e.strerror}\n".encode())
            return 127 if isinstance(e, FileNotFoundError) else 126
        timed_out = threading.Event()

        def stop(sig: int) -> None:
            if proc.poll() is None:
                timed_out.set()
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    pass

        timers = [threading.Timer(timeout_s, stop, (signal.SIGTERM,)),
                  threading.Timer(timeout_s + grace_s, stop, (signal.SIGKILL,))]
        for t in timers:
            t.daemon = True
            t.start()
        try:
            if tee:
                assert proc.stdout is not None
                for line in proc.stdout:
                    sys.stdout.buffer.write(line)
                    sys.stdout.flush()
                    log.write(line)
                    log.flush()
            proc.wait()
        except BaseException:
            stop(signal.SIGTERM)
            proc.wait()
            raise
        finally:
            for t in timers:
                t.cancel()
    if timed_out.is_set():
        return 124
    return 128 - proc.returncode if proc.returncode < 0 else proc.returncode


def _untar(archive: Path, dest: Path) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "tar_filter"):  # Python with extraction filters: no absolute or escaping paths
            tar.extractall(dest, filter="tar")
        else:
            tar.extractall(dest)


def _pip_target(python: str, target: str, wheels: list[str]) -> int:
    return subprocess.call([python, "-m", "pip", "install", "-q", "--no-index", "--no-deps", "--no-compile",
                            "--target", target, *wheels])


class Runner:
    """Executes stages against the budget: skip records, runs under timeouts, lazy JRE and peer wheels."""

    def __init__(self, w: Where, budget: Budget, log: Log, env: dict[str, str]) -> None:
        self.w, self.budget, self.log, self.env = w, budget, log, env

    def part(self, stages: tuple[Stage, ...]) -> None:
        for stage in stages:
            if stage.part is not None:
                skipped = self.budget.skip(stage.part, stage.need_s)
                if skipped is not None:
                    self.log.say(skip_line(skipped))
                    self.log.record(skipped)
                    return
            for run in stage.runs:
                self.run(run)

    def run(self, run: Run) -> None:
        w = self.w
        if run.kind is Kind.PEER:
            if w.peer_revision is None:
                self.log.say(NO_PEER_SOURCE)
                return
            if not Path(w.work, "peer-site").is_dir():
                _pip_target(w.python, f"{w.work}/peer-site", sorted(glob.glob(f"{w.bundle}/wheels-peer/*.whl")))
        if run.kind is Kind.JEP and not os.access(f"{w.work}/jre/bin/java", os.X_OK):
            try:
                _untar(Path(w.bundle, "jre.tar.gz"), Path(w.work, "jre"))
            except (OSError, tarfile.TarError) as e:  # the run then fails as a missing java (exit 127)
                self.log.say(f"  cannot unpack the bundle's JRE: {e}")
        self.log.say(f"» {run.announce}")
        argv, pythonpath = command(run, w)
        timeout_s = self.budget.timeout(run.cap_s) if run.budgeted else run.cap_s
        rc = call(argv, {**self.env, "PYTHONPATH": pythonpath}, timeout_s, self.log.path, tee=run.tee)
        if rc != 0 and run.exit_note is not None:
            self.log.say(f"  exit {rc}{run.exit_note}")


def _gpu_txt(python: str, env: dict[str, str], results: Path) -> None:
    with open(results / "gpu.txt", "wb") as f:
        try:
            subprocess.call(["nvidia-smi", "--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"],
                            stdout=f, stderr=subprocess.STDOUT, env=env)
        except OSError:
            f.write(b"nvidia-smi: command not found\n")
        f.flush()
        subprocess.call([python, "-c", "import torch; print(torch.__version__, torch.version.cuda)"],
                        stdout=f, env=env)


def _parser() -> argparse.ArgumentParser:
    parts_help = __doc__[__doc__.index("  fast "):__doc__.index("\nThe matrix is data")]
    p = argparse.ArgumentParser(prog="bin/gpu-bench", description=__doc__.split("\n\n")[0],
                                epilog="parts:\n" + parts_help, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--budget", type=int, default=DEFAULT_BUDGET_S, help="wall-clock seconds for the whole run")
    p.add_argument("--smoke", action="store_true", help="the tiny LTX-2 on the CPU at tiny shapes")
    p.add_argument("--dry-run", action="store_true", help="print the command lines; run nothing")
    p.add_argument("bundle", metavar="BUNDLE_DIR")
    p.add_argument("results", metavar="RESULTS_DIR")
    p.add_argument("parts", metavar="PART", nargs="*")
    return p


def _where(bundle: Path, results: Path, work: str) -> Where:
    revision = bundle / "ltx2-src" / "REVISION"
    peer_revision = None
    if (bundle / "ltx2-src").is_dir():
        peer_revision = revision.read_text().strip() if revision.is_file() else ""
    return Where(python=sys.executable, src=str(Path(__file__).resolve().parents[2]), work=work,
                 bundle=str(bundle), results=str(results), purelib=sysconfig.get_paths()["purelib"],
                 peer_revision=peer_revision)


def dry_run(names: list[str], w: Where, smoke: bool, budget_s: int) -> None:
    table = parts(w, smoke)
    for name in names:
        for stage in table[name]:
            if stage.part is not None:
                print(f"# {stage.part}: starts with at least {stage.need_s} s of the budget left")
            for run in stage.runs:
                if run.kind is Kind.PEER and w.peer_revision is None:
                    print(f"# {NO_PEER_SOURCE}")
                    continue
                argv, pythonpath = command(run, w)
                cap = f"min({run.cap_s}, left of {budget_s})" if run.budgeted else str(run.cap_s)
                print(f"» {run.announce}\n  timeout {cap}: PYTHONPATH={pythonpath} {shlex.join(argv)}")
    print(shlex.join([w.python, "-m", "ltx2_tools.bench.summary", w.steps]))


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    budget = Budget(args.budget)
    unknown = unknown_parts(args.parts)
    if unknown:
        print(f"unknown part {unknown[0]} (parts: {' '.join(PART_NAMES)})", file=sys.stderr)
        return 1
    bundle, results = Path(args.bundle).resolve(), Path(args.results).resolve()
    if args.dry_run:
        dry_run(args.parts, _where(bundle, results, "WORK"), args.smoke, args.budget)
        return 0
    results.mkdir(parents=True, exist_ok=True)
    work = tempfile.mkdtemp(prefix="gpu-bench-")
    w = _where(bundle, results, work)
    if _pip_target(w.python, f"{work}/site", sorted(glob.glob(f"{bundle}/wheels/*.whl"))) != 0:
        print("cannot install the bundle's wheels", file=sys.stderr)
        return 2
    for fork in ("patched", "upstream"):
        try:
            _untar(bundle / "forks" / f"{fork}.tar.gz", Path(work, fork))
        except (OSError, tarfile.TarError) as e:
            print(f"cannot unpack the bundle's {fork} fork: {e}", file=sys.stderr)
            return 2
    env = {**os.environ, **ENVIRONMENT, "PYTHONPATH": f"{work}/site:{w.src}"}
    _gpu_txt(w.python, env, results)
    runner = Runner(w, budget, Log(results), env)
    table = parts(w, args.smoke)
    for name in args.parts:
        runner.part(table[name])
    return subprocess.call([w.python, "-m", "ltx2_tools.bench.summary", w.steps], env=env)


if __name__ == "__main__":
    sys.exit(main())
