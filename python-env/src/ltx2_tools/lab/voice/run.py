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


def _run_dir(work: Path, dataset: str, arm: str, seed: int) -> Path:
    return work / "runs" / dataset / f"{arm}_s{seed}"


def _lora_path(work: Path, dataset: str, arm: str, seed: int) -> Path:
    name = f"{arm}_s{seed}"
    return _run_dir(work, dataset, arm, seed) / "out" / name / f"{name}.safetensors"


def _spec(work: Path, fork: Path, pin: Path | None, base: Path, data: Path, dataset: str, arm: lab_arms.Arm,
          seed: int, budget: lab_arms.Budget) -> Path:
    run_dir = _run_dir(work, dataset, arm.name, seed)
    run_dir.mkdir(parents=True, exist_ok=True)
    config = lab_arms.job(arm, base, data, run_dir / "out", seed, budget)
    spec = {"arm": arm.name, "dataset": dataset, "seed": seed, "config": config,
            "tree": str(pin if arm.tree == "pin" else fork), "lora": str(_lora_path(work, dataset, arm.name, seed)),
            "log": str(run_dir / "train.log")}
    path = run_dir / "spec.json"
    path.write_text(json.dumps(spec, indent=1))
    # The job as a user would write it, for the orchestrator's validator (`orchestrator lab voice`
    # validates every one before any training starts).
    import yaml

    (run_dir / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def _train(spec: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    s = json.loads(spec.read_text())
    proc = subprocess.run([sys.executable, "-m", "ltx2_tools.lab.voice.child", str(spec)], env=env,
                          capture_output=True, text=True)
    (spec.parent / "child.log").write_text(proc.stderr)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    result = json.loads(lines[-1]) if lines else {}
    if proc.returncode != 0 or "error" in result or not lines:
        result = {"error": f"{s['dataset']} {s['arm']} seed {s['seed']} failed ({proc.returncode}): "
                           f"{result.get('error') or proc.stderr[-1500:]} (log: {spec.parent / 'child.log'})"}
    return {**result, "arm": s["arm"], "dataset": s["dataset"], "seed": s["seed"]}


def _evaluate_all(work: Path, fork: Path, base: Path, datasets: list[str], arm_list: list[lab_arms.Arm],
                  seeds: int, trained: dict) -> list[dict]:
    """Load the base once; every LoRA file against the same held-out material."""
    import torch

    from ltx2_tools.lab.voice import evaluate
    from ltx2_tools.lab.voice import model as lab_model
    from ltx2_tools.lab.voice.readout import Probe

    meta = json.loads((base / "lab.json").read_text())
    sd = lab_model.load(base, fork)
    probe = Probe.from_json(meta["probe"])
    shapes = lab_model.Shapes(tuple(meta["shapes"]["video"]), tuple(meta["shapes"]["audio"]))
    b = evaluate.bench(sd, shapes)
    reference = evaluate.measure(sd, probe, b, {})
    results = []
    for d in datasets:
        for arm in arm_list:
            for seed in lab_arms.seeds_of(arm, seeds):
                source = arm.source or arm.name
                row = {"arm": arm.name, "dataset": d, "seed": seed}
                failed = trained.get((d, source, seed), {}).get("error")
                if failed:
                    results.append({**row, "error": failed})
                    continue
                lora = _lora_path(work, d, source, seed)
                with torch.no_grad():
                    r = evaluate.evaluate_file(sd, probe, b, reference, lora, arm.drop_streams)
                if arm.name == "fork" and seed == 0:
                    zero = evaluate.public(evaluate.measure(sd, probe, b, lab_model.lora_deltas(lora, 0.0), reference))
                    r["control_scale0_drift"] = zero["base_drift"]
                    r["control_scale0_same_labels"] = (
                        zero["base_readout_accuracy"] == reference["base_readout_accuracy"]
                        and zero["char_readout_accuracy"] == reference["char_readout_accuracy"])
                r["reference"] = evaluate.public(reference)
                results.append({**row, **r, "train_seconds": trained.get((d, source, seed), {}).get("seconds")})
                print(f"evaluated {d} {arm.name} seed {seed}: drift {r['base_drift']:.4f} base acc "
                      f"{r['base_readout_accuracy']:.2f} char acc {r['char_readout_accuracy']:.2f}", flush=True)
    return results


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

    pin = args.pin.resolve() if args.pin else (
        checkout(fork, work / "pin") if any(a.tree == "pin" for a in arm_list) else None)
    base = pretrain.build(work / "base", fork, pretrain.Recipe())
    data = lab_arms.write_datasets(work / "data")
    to_train = [a for a in arm_list if a.trains]
    for arm in arm_list:
        if arm.source and arm.source not in {a.name for a in to_train}:
            to_train.append(lab_arms.by_name([arm.source])[0])
    specs = [_spec(work, fork, pin, base, data[d], d, arm, seed, budget)
             for seed in range(seeds) for d in args.datasets for arm in to_train
             if seed in lab_arms.seeds_of(arm, seeds)]
    if args.configs_only:
        for spec in specs:
            print(spec.parent / "config.yaml")
        return 0
    print(f"voice lab: {len(specs)} trainings ({len(to_train)} arms x {len(args.datasets)} datasets x {seeds} seeds), "
          f"{args.parallel} at a time", flush=True)
    trained = {}
    with ThreadPoolExecutor(max_workers=args.parallel) as pool:
        for i, r in enumerate(pool.map(_train, specs), 1):
            trained[(r["dataset"], r["arm"], r["seed"])] = r
            status = r.get("error") or ("cached" if r.get("cached") else f"{r.get('seconds', 0):.0f} s")
            print(f"[{i}/{len(specs)}] trained {r['dataset']} {r['arm']} seed {r['seed']}: {status}", flush=True)
    results = _evaluate_all(work, fork, base, args.datasets, arm_list, seeds, trained)
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
