"""The voice lab's command line (docs/voice-lab.md).

    python -m ltx2_tools.lab.voice base --fork TREE --out DIR           # pretrain + gate the base
    python -m ltx2_tools.lab.voice run  --fork TREE --work DIR [--seeds 5] [--arms ...] [--parallel N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ltx2_tools.lab.voice")
    sub = parser.add_subparsers(dest="command", required=True)
    base = sub.add_parser("base", help="pretrain the tiny base on the base voices and gate it")
    base.add_argument("--fork", type=Path, required=True, help="the ai-toolkit fork checkout")
    base.add_argument("--out", type=Path, required=True)
    base.add_argument("--steps", type=int, help="pretraining steps (default: the recipe's)")
    run = sub.add_parser("run", help="train every arm on D1 and D2 over seeds and evaluate")
    run.add_argument("--fork", type=Path, required=True)
    run.add_argument("--work", type=Path, required=True, help="cache and scratch folder (base, datasets, LoRAs)")
    run.add_argument("--pin", type=Path, help="the bare upstream tree (default: checked out of the fork's history)")
    run.add_argument("--out", type=Path, help="results folder (default: WORK/results)")
    run.add_argument("--seeds", type=int, default=5)
    run.add_argument("--arms", nargs="+", help="arm names (default: every arm and the positive control)")
    run.add_argument("--datasets", nargs="+", default=["D1", "D2"])
    run.add_argument("--steps", type=int, help="LoRA training steps (default: the budget's)")
    run.add_argument("--parallel", type=int, default=1, help="arm processes at once")
    run.add_argument("--reduced", action="store_true", help="CI's form: one seed, two arms, few steps")
    run.add_argument("--configs-only", action="store_true",
                     help="prepare, write every arm's job config, print their paths and stop")
    args = parser.parse_args(argv)

    import torch

    # Tiny models are bound by per-op overhead; a second thread per op only adds spinning, and
    # under load (parallel arms, other processes) it made a step 20x slower (docs/voice-lab.md).
    torch.set_num_threads(1)
    from ltx2_tools.lab.voice import pretrain

    if args.command == "base":
        recipe = pretrain.Recipe() if args.steps is None else pretrain.Recipe(steps=args.steps)
        try:
            pretrain.build(args.out, args.fork, recipe)
        except pretrain.GateFailed as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
        return 0
    from ltx2_tools.lab.voice import run as lab_run

    return lab_run.main(args)


if __name__ == "__main__":
    sys.exit(main())
