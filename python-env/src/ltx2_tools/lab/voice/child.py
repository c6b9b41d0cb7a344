"""One arm, one seed, in its own process: train the LoRA through the bridge (the function both
of the orchestrator's runners call), then evaluate the saved file. Prints one JSON line.

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


def main(spec_path: str) -> None:
    spec = json.loads(Path(spec_path).read_text())
    torch.set_num_threads(int(spec.get("threads", 1)))
    from ltx2_tools import workbench
    from ltx2_tools.lab.voice import evaluate, pretrain
    from ltx2_tools.lab.voice import model as lab_model
    from ltx2_tools.lab.voice.readout import Probe

    started = time.monotonic()
    lora = Path(spec["lora"])
    if not lora.exists():
        _seed(spec["seed"])
        outcome, sink = workbench.train(spec["config"], Path(spec["tree"]), spec.get("log"))
        if outcome != "finished" or not lora.exists():
            failed = [f.get("error") for f in sink.of("failed")]
            print(json.dumps({"error": f"training {outcome}: {failed}", "spec": spec_path}))
            sys.exit(1)
    trained = time.monotonic()
    model_dir = Path(spec["model"])
    meta = json.loads((model_dir / "lab.json").read_text())
    sd = lab_model.load(model_dir, Path(spec["eval_tree"]))
    probe = Probe.from_json(meta["probe"])
    shapes = lab_model.Shapes(tuple(meta["shapes"]["video"]), tuple(meta["shapes"]["audio"]))
    b = evaluate.bench(sd, shapes)
    reference = evaluate.measure(sd, probe, b, {})
    result = evaluate.evaluate_file(sd, probe, b, reference, lora, frozenset(spec.get("drop_streams", [])))
    if spec.get("controls"):
        zero = evaluate.public(evaluate.measure(sd, probe, b, lab_model.lora_deltas(lora, 0.0), reference))
        result["control_scale0_drift"] = zero["base_drift"]
        result["control_scale0_same_labels"] = (zero["base_readout_accuracy"] == reference["base_readout_accuracy"]
                                                and zero["char_readout_accuracy"] == reference["char_readout_accuracy"])
    result["reference"] = evaluate.public(reference)
    result.update(arm=spec["arm"], dataset=spec["dataset"], seed=spec["seed"],
                  train_seconds=trained - started, eval_seconds=time.monotonic() - trained)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
