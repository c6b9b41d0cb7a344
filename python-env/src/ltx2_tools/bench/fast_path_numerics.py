"""Does the fast path train like eager? Loss trajectories of three arms on one bf16 model.

Same transformer, same initial LoRA, same inputs and seeds, ``--steps`` optimizer steps each:

- ``eager``: upstream's LoRA forward (fp32 adapter math, activations cast to fp32 and back);
- ``fast``: the fast path's LoRA forward (the adapter's products in bf16, scale folded), plus
  block compile with ``--compile`` and fused AdamW on CUDA;
- ``control``: eager again, but with the initial LoRA weights rounded through bf16 once. Its
  distance from ``eager`` is what one bf16 rounding does to the trajectory: the yardstick for
  "bf16 noise, not drift" (docs/decisions.md, "The fast path").

Prints one JSON object: per arm the losses, the final LoRA weights' distance from eager's, how
many adapted-linear calls the fast forward served, the LoRA parameters' dtypes and the saved LoRA
file's keys, shapes and dtypes.

    python -m ltx2_tools.bench.fast_path_numerics --fork DIR --size tiny --device cpu --steps 50
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import torch

from ltx2_tools.bench import records, step_benchmark


def _lora_state(network) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in network.state_dict().items()}


def _file_layout(network, path: Path) -> dict[str, list]:
    from safetensors import safe_open

    network.save_weights(str(path), dtype=torch.bfloat16, metadata={})
    with safe_open(str(path), "pt") as f:
        return {k: [list(f.get_slice(k).get_shape()), f.get_slice(k).get_dtype()] for k in sorted(f.keys())}


def run(args) -> dict:
    from ltx2_character.training import block_compile, fast_lora

    built = step_benchmark.build_model(args)
    torch.manual_seed(args.seed)
    network, params = step_benchmark.add_lora(built.model, built.transformer, args.rank, checkpointing=args.checkpointing)
    with torch.no_grad():  # a trained-looking start: upstream zero-initialises lora_up, which hides the scale
        for name, p in network.named_parameters():
            if "lora_up" in name:
                p.normal_(0.0, args.up_init, generator=torch.Generator(device=p.device).manual_seed(args.seed))
    initial = _lora_state(network)

    served = {"calls": 0}
    original = fast_lora.forward

    def counting(*a, **kw):
        out = original(*a, **kw)
        served["calls"] += out is not None
        return out

    fast_lora.forward = counting
    arms = {}
    compiled = False
    for arm in ("eager", "fast", "control"):
        network.load_state_dict(initial)
        if arm == "control":
            with torch.no_grad():
                for p in network.parameters():
                    p.copy_(p.to(torch.bfloat16).to(p.dtype))
        fast = arm == "fast"
        network.ltx2_compute_dtype_lora = fast
        if fast and args.compile and not compiled:
            block_compile.compile_blocks(built.transformer.transformer_blocks, backend=args.compile_backend)
            compiled = True
        optimizer = torch.optim.AdamW(params, lr=args.lr, eps=1e-6,
                                      **({"fused": True} if fast and built.model.device_torch.type == "cuda" else {}))
        served["calls"] = 0
        g = torch.Generator(device=built.model.device_torch).manual_seed(args.seed + 1)
        torch.manual_seed(args.seed + 2)  # dropout and rank-dropout draws
        losses = []
        for _ in range(args.steps):
            inputs = step_benchmark._draw_inputs(g, built, args, args.frames[0])
            _, loss = step_benchmark._timed_step(built.model, inputs, optimizer, args.frames[0])
            losses.append(loss)
        print(f"numerics: {arm} done, last loss {losses[-1]:.5f}", file=sys.stderr, flush=True)
        arms[arm] = {"losses": losses, "fast_calls": served["calls"], "state": _lora_state(network),
                     "param_dtypes": sorted({str(p.dtype) for p in network.parameters()})}
        with tempfile.TemporaryDirectory() as tmp:  # the file each arm's LoRA would be saved as
            arms[arm]["lora_file"] = _file_layout(network, Path(tmp) / "lora.safetensors")
        if compiled:  # the later arms run eagerly again
            for block in built.transformer.transformer_blocks:
                block._compiled_call_impl = None
            compiled = False
    fast_lora.forward = original
    reference = arms["eager"]["state"]
    for arm in arms.values():
        state = arm.pop("state")
        num = sum((state[k].float() - reference[k].float()).norm() ** 2 for k in reference) ** 0.5
        den = sum(reference[k].float().norm() ** 2 for k in reference) ** 0.5
        arm["weights_rel_diff"] = float(num / den)
    return {"type": "numerics", "arch": args.arch, "size": args.size, "device": args.device, "steps": args.steps,
            "compile": args.compile, "checkpointing": args.checkpointing, "torch": torch.__version__,
            "arms": arms}


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--up-init", type=float, default=0.01, help="std of the initial lora_up weights")
    p.add_argument("--compile", action="store_true", help="also compile the blocks in the fast arm")
    p.add_argument("--compile-backend", default="inductor",
                   help="torch.compile backend: inductor (the fast path's), or aot_eager to check tracing on a CPU")
    p.add_argument("--no-checkpointing", dest="checkpointing", action="store_false")
    known, rest = p.parse_known_args(argv)
    bench = step_benchmark.parse(rest)
    for key, value in vars(known).items():
        setattr(bench, key, value)
    return bench


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    result = run(args)
    records.emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
