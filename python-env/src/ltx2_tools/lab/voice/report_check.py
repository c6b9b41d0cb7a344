"""Does the voice report (issue 14, ``ltx2_character.report``) see what the lab sees? The report's
own numbers -- audio learned (LoRA/base loss on held-out voiced clips) and base drift (relative
change of the audio prediction on prompts outside the character) -- computed with the report's
code for the lab's saved LoRA files, on the lab's pretrained base.

    python -m ltx2_tools.lab.voice.report_check --fork TREE --work LAB_WORK --out FILE [--seeds 2]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import torch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fork", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--arms", nargs="+", default=["upstream", "fork", "fork_E_none", "aggressive"])
    args = parser.parse_args(argv)
    torch.set_num_threads(1)

    from ltx2_character.audio.options import AudioTrainingOptions
    from ltx2_character.fork import ltx2_audio
    from ltx2_character.report.holdout import Clip
    from ltx2_character.report.measure import build_bench, voice_numbers

    from ltx2_tools.lab.voice import model as lab_model
    from ltx2_tools.lab.voice import world

    base = args.work / "base"
    sd = lab_model.load(base, args.fork)
    ltx2_audio.configure(sd, AudioTrainingOptions())
    folder = args.work / "report_check_data"
    char = world.character_items(4, 0, 0, held_out=True, seed=777)
    others = world.base_items(1, held_out=True, seed=778)
    if not (folder / ".complete").exists():
        world.write_dataset(char + others, folder)
        (folder / ".complete").write_text("")
    clips = [Clip(str(p), p.with_suffix(".txt").read_text().strip(), True) for p in sorted(folder.glob("*.mp4"))]
    learn = [c for c in clips if world.TRIGGER in c.caption]
    drift_clips = [c for c in clips if world.TRIGGER not in c.caption]
    bench = build_bench(sd, learn, drift_clips, [c.caption for c in drift_clips],
                        num_frames=world.NUM_FRAMES, fps=world.FPS, resolution=world.SIZE)
    rows = []
    for dataset in ("D1", "D2"):
        for arm in args.arms:
            for seed in range(args.seeds):
                name = f"{arm}_s{seed}"
                lora = args.work / "runs" / dataset / name / "out" / name / f"{name}.safetensors"
                if not lora.exists():
                    continue
                point = voice_numbers(sd, None, bench, deltas=lab_model.lora_deltas(lora))
                rows.append({"dataset": dataset, "arm": arm, "seed": seed,
                             "audio_learned": point.audio.learned, "audio_drift": point.audio.drift})
                print(json.dumps(rows[-1]), flush=True)
    args.out.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
