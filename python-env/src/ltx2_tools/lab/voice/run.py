"""The whole experiment: prepare (pin checkout, gated base, datasets), train and evaluate every
arm x dataset x seed as parallel processes, then compare paired across seeds and plot.

Fairness: within a seed every arm gets the same data folder, the same seed for Python's, NumPy's
and torch's generators before training starts, the same steps, learning rate, rank and LoRA
targets; evaluation uses the same held-out items, noise and sampling seeds for every file."""
from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from ltx2_tools.lab.voice import arms as lab_arms
from ltx2_tools.lab.voice import pretrain, report

SRC = Path(__file__).resolve().parents[3]


def _spec(work: Path, fork: Path, pin: Path, base: Path, data: Path, dataset: str, arm: lab_arms.Arm, seed: int,
          budget: lab_arms.Budget) -> Path:
    run_dir = work / "runs" / dataset / f"{arm.name}_s{seed}"
    run_dir.mkdir(parents=True, exist_ok=True)
    config = lab_arms.job(arm, base, data, run_dir / "out", seed, budget)
    name = config["config"]["name"]
    spec = {"arm": arm.name, "dataset": dataset, "seed": seed, "config": config,
            "tree": str(pin if arm.tree == "pin" else fork), "eval_tree": str(fork), "model": str(base),
            "lora": str(run_dir / "out" / name / f"{name}.safetensors"), "log": str(run_dir / "train.log"),
            "drop_streams": sorted(arm.drop_streams), "controls": arm.name == "fork" and seed == 0}
    path = run_dir / "spec.json"
    path.write_text(json.dumps(spec, indent=1))
    # The job as a user would write it, for the orchestrator's validator (`orchestrator lab voice`
    # validates every one before any training starts).
    import yaml

    (run_dir / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def _run_child(spec: Path, threads: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
    s = json.loads(spec.read_text())
    s["threads"] = threads
    spec.write_text(json.dumps(s, indent=1))
    proc = subprocess.run([sys.executable, "-m", "ltx2_tools.lab.voice.child", str(spec)], env=env,
                          capture_output=True, text=True)
    (spec.parent / "child.log").write_text(proc.stderr)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (lines[-1] if lines else proc.stderr[-1500:])
        return {"error": f"{spec.parent.name} failed ({proc.returncode}): {tail}", "arm": s["arm"],
                "dataset": s["dataset"], "seed": s["seed"]}
    return json.loads(lines[-1])


def main(args) -> int:
    from ltx2_tools.pin_tree import checkout

    started = time.monotonic()
    work: Path = args.work.resolve()
    out: Path = (args.out or work / "results").resolve()
    out.mkdir(parents=True, exist_ok=True)
    fork = args.fork.resolve()
    names = args.arms or [a.name for a in lab_arms.ARMS] + [lab_arms.POSITIVE_CONTROL.name]
    seeds = args.seeds
    budget = lab_arms.Budget()
    if args.reduced:
        names, seeds, budget = list(args.arms or lab_arms.REDUCED), 1, lab_arms.Budget(steps=40)
    if args.steps:
        budget = lab_arms.Budget(steps=args.steps, lr=budget.lr, rank=budget.rank)
    arm_list = lab_arms.by_name(names)

    pin = checkout(fork, work / "pin") if any(a.tree == "pin" for a in arm_list) else None
    base = pretrain.build(work / "base", fork, pretrain.Recipe())
    data = lab_arms.write_datasets(work / "data")
    specs = [_spec(work, fork, pin, base, data[d], d, arm, seed, budget)
             for seed in range(seeds) for d in args.datasets for arm in arm_list]
    if args.configs_only:
        for spec in specs:
            print(spec.parent / "config.yaml")
        return 0
    threads = 1
    print(f"voice lab: {len(specs)} trainings ({len(arm_list)} arms x {len(args.datasets)} datasets x {seeds} seeds), "
          f"{args.parallel} at a time", flush=True)
    results = []
    with ThreadPoolExecutor(max_workers=args.parallel) as pool:
        for i, result in enumerate(pool.map(lambda s: _run_child(s, threads), specs), 1):
            results.append(result)
            status = result.get("error") or (f"drift {result.get('base_drift', 0):.4f} "
                                             f"char acc {result.get('char_readout_accuracy', 0):.2f}")
            print(f"[{i}/{len(specs)}] {result['dataset']} {result['arm']} seed {result['seed']}: {status}", flush=True)
    with (out / "raw.jsonl").open("w") as f:
        for r in results:
            f.write(json.dumps(r) + "\n")
    command = "python -m ltx2_tools.lab.voice " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    meta = json.loads((base / "lab.json").read_text())
    summary = report.summarise(results, meta, budget=asdict(budget), command=command,
                               seconds=time.monotonic() - started, reduced=bool(args.reduced))
    (out / "results.json").write_text(json.dumps(summary, indent=2) + "\n")
    (out / "results.md").write_text(report.markdown(summary))
    report.plots(summary, results, out)
    print(report.markdown(summary))
    failures = [r["error"] for r in results if "error" in r]
    for f in failures:
        print(f"error: {f}", file=sys.stderr)
    return 1 if failures or not summary["controls"]["ok"] else 0
