"""One arm, one seed, in its own process: train the LoRA through the bridge (the function both of
the orchestrator's runners call) with every generator seeded first. Prints one JSON line.

    python -m ltx2_tools.lab.voice.child SPEC.json
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch


def _seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main(spec_path: str) -> int:
    spec = json.loads(Path(spec_path).read_text())
    torch.set_num_threads(1)
    from ltx2_tools import workbench

    started = time.monotonic()
    lora = Path(spec["lora"])
    if lora.exists():
        print(json.dumps({"lora": str(lora), "cached": True}))
        return 0
    _seed(spec["seed"])
    outcome, sink = workbench.train(spec["config"], Path(spec["tree"]), spec.get("log"))
    if outcome != "completed" or not lora.exists():
        print(json.dumps({"error": f"training {outcome}: {[f.get('error') for f in sink.of('failed')]}"}))
        return 1
    steps = sink.of("step")
    print(json.dumps({"lora": str(lora), "seconds": time.monotonic() - started, "steps": len(steps),
                      "audio_loss_last": steps[-1].get("audio_loss") if steps else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
