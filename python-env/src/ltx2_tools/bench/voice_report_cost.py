"""What the voice report costs in a training run on the tiny LTX-2 (docs/benchmarks.md,
"Voice report"): trains through the bridge with the report at its default cadence and prints
the report's seconds (encoding the held-out material included) against the training steps'.

    python -m ltx2_tools.bench.voice_report_cost --fork FORK --model TINY_LTX2 --work DIR [--steps 100 --save-every 20] [--every N]
"""
from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from ltx2_tools.workbench import job, make_dataset, train


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fork", type=Path, required=True)
    parser.add_argument("--model", type=Path, required=True, help="a tiny LTX-2 (python -m ltx2_tools.demo)")
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--save-every", type=int, default=20)
    parser.add_argument("--num-frames", type=int, default=17)
    parser.add_argument("--every", type=int, default=None, help="voice_report.every (default: the cost budget)")
    args = parser.parse_args()
    shutil.rmtree(args.work / "out", ignore_errors=True)
    data = make_dataset(args.work / "data", talking=4, silent=1)
    config = job(args.model, [{"folder_path": str(data), "do_audio": True, "num_frames": args.num_frames}],
                 args.work / "out", steps=args.steps, name="cost")
    config["config"]["process"][0]["save"]["save_every"] = args.save_every
    if args.every is not None:
        config["config"]["process"][0]["voice_report"] = {"every": args.every}
    outcome, sink = train(config, args.fork)
    if outcome != "completed":
        raise SystemExit(f"training {outcome}: {sink.of('failed')}")
    steps = sink.of("step")
    reports = [e for e in sink.of("voice") if "audio_drift" in e]
    report_seconds = sum(e["seconds"] for e in reports)
    spent = reports[-1]["spent_seconds"] if reports else 0.0
    # ai-toolkit saves (and the report runs) inside a step, so that step's time includes it
    train_seconds = sum(e["seconds"] for e in steps) - report_seconds
    in_loop = [e for e in reports if e["step"] < args.steps]
    print(json.dumps({
        "steps": len(steps), "save_every": args.save_every, "checkpoints": len(sink.of("saved")),
        "reports": [e["step"] for e in reports], "reports_in_loop": len(in_loop),
        "train_seconds": round(train_seconds, 2), "seconds_per_step": round(train_seconds / len(steps), 3),
        "report_seconds": [round(e["seconds"], 2) for e in reports], "encode_seconds": round(spent - report_seconds, 2),
        "report_share_of_training": round(spent / train_seconds, 4),
        "report_share_before_the_final_report": round((spent - reports[-1]["seconds"]) / train_seconds, 4),
    }, indent=1))


if __name__ == "__main__":
    main()
