"""One seeded tiny training in a fresh process, for tests/fork/test_upstream_parity.py.

usage: python -m tests.fork.parity_child TREE MODEL DATA OUT '{"train": {...}, "dataset": {...}}'
       [--upstream-placeholder] [--arch=ltx2|ltx2.3]

TREE is an ai-toolkit checkout (the pin, or the fork). Prints one JSON line with the outcome
and every step's numeric losses. ``--upstream-placeholder`` reverts exactly one documented
change of patch 0007 (placeholder audio labelled with the video timestep, as at the pin).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import numpy as np
import torch

from ltx2_tools import workbench


def main(argv: list[str]) -> None:
    tree, model, data, out, keys = argv[:5]
    options = json.loads(keys)
    if "--upstream-placeholder" in argv:
        from ltx2_character.fork import ltx2_audio

        fixed = ltx2_audio.draw_audio_timestep

        def as_upstream(opts, has_clean_audio, video_timestep, batch_size, frames, device):
            if not has_clean_audio:
                return video_timestep.detach().reshape(batch_size, -1)[:, 0].to(device).float()
            return fixed(opts, has_clean_audio, video_timestep, batch_size, frames, device)

        ltx2_audio.draw_audio_timestep = as_upstream
    arch = next((a.split("=", 1)[1] for a in argv if a.startswith("--arch=")), "ltx2")
    random.seed(0)
    np.random.seed(0)
    torch.manual_seed(0)
    config = workbench.job(Path(model), [{"folder_path": data, **options.get("dataset", {})}], Path(out), arch=arch,
                           steps=3, train=options.get("train", {}))
    outcome, sink = workbench.train(config, Path(tree))
    losses = [{k: v for k, v in e["losses"].items() if isinstance(v, (int, float))} for e in sink.of("step")]
    print(json.dumps({"outcome": outcome, "failed": [f["error"] for f in sink.of("failed")], "losses": losses}))


if __name__ == "__main__":
    main(sys.argv[1:])
