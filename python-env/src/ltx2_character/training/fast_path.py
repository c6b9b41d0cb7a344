"""The fast path: on by default for LTX-2 on CUDA, ``train.fast_path: false`` turns it off.

Three changes, each decided here and applied by a one-line hunk (patch 0100):

- regional compile of the transformer blocks (``block_compile``), static shapes;
- the LoRA computed in the base model's dtype with the scale folded (``fast_lora``);
- fused AdamW (one kernel for the whole update instead of a foreach chain).

``plan`` is the one place that says which of them apply to a job and why not; everything it
turns off keeps upstream's behaviour exactly. docs/decisions.md ("The fast path") says why these
are on by default.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from ltx2_character import key_values
from ltx2_character.fork_keys import TRAIN

KEY = "fast_path"
COVERED_NETWORKS = ("lora", "lierla")


def read_key(train_kwargs: Mapping[str, Any]) -> bool:
    """``train.fast_path`` as the generated key table says: its default when unset, else a bool."""
    return key_values.read(TRAIN[KEY], train_kwargs)


@dataclass(frozen=True)
class FastPathPlan:
    compile_blocks: bool = False
    compute_dtype_lora: bool = False
    fused_adamw: bool = False
    off: tuple[str, ...] = field(default_factory=tuple)  # why each part that is off is off

    @property
    def any(self) -> bool:
        return self.compile_blocks or self.compute_dtype_lora or self.fused_adamw

    def describe(self) -> str:
        on = [name for name, flag in (("block compile", self.compile_blocks),
                                      ("LoRA in the compute dtype", self.compute_dtype_lora),
                                      ("fused AdamW", self.fused_adamw)) if flag]
        text = "fast path: " + (", ".join(on) if on else "off")
        return text + "".join(f"; {reason}" for reason in self.off)


def plan(*, enabled: bool, arch: str, device_type: str, optimizer: str, network_type: str,
         user_compile: bool = False, layer_offloading: bool = False, quantized: bool = False) -> FastPathPlan:
    """What the fast path does for one job. Pure: the trainer's settings in, decisions out."""
    if not enabled:
        return FastPathPlan(off=(f"train.{KEY}: false",))
    if not arch.startswith("ltx2"):
        return FastPathPlan(off=(f"arch {arch}: the fast path is for LTX-2",))
    if device_type != "cuda":
        return FastPathPlan(off=(f"device {device_type}: the fast path needs CUDA",))
    off = []
    compile_blocks = not (user_compile or layer_offloading or quantized)
    if user_compile:
        off.append("block compile: model.compile is set, its own settings apply")
    elif layer_offloading:
        off.append("block compile: layer offloading moves weights inside the blocks")
    elif quantized:
        off.append("block compile: quantized base weights")
    lora = network_type.lower() in COVERED_NETWORKS
    if not lora:
        off.append(f"LoRA in the compute dtype: network type {network_type}")
    fused = optimizer.lower() == "adamw" and not layer_offloading
    if optimizer.lower() == "adamw" and layer_offloading:
        off.append("fused AdamW: layer offloading may keep LoRA weights on the CPU")
    return FastPathPlan(compile_blocks=compile_blocks, compute_dtype_lora=lora, fused_adamw=fused, off=tuple(off))


def adamw_params(optimizer_params: Mapping[str, Any] | None, fast: FastPathPlan) -> dict[str, Any]:
    """AdamW's keyword arguments with ``fused=True`` unless the job chose an implementation."""
    params = dict(optimizer_params or {})
    if fast.fused_adamw and "fused" not in params and "foreach" not in params:
        params["fused"] = True
    return params


# ---- glue for the fork's BaseSDTrainProcess (patch 0100); ai-toolkit objects in, plan applied ----

def plan_for_process(process: Any) -> FastPathPlan:
    """The plan of a BaseSDTrainProcess, computed once and kept on it."""
    cached = getattr(process, "ltx2_fast_path", None)
    if cached is None:
        model, train = process.model_config, process.train_config
        network = getattr(process, "network_config", None)
        cached = plan(enabled=getattr(train, KEY, TRAIN[KEY].default), arch=str(model.arch), device_type=process.device_torch.type,
                      optimizer=str(train.optimizer), network_type=str(getattr(network, "type", "") or ""),
                      user_compile=bool(model.compile), layer_offloading=bool(getattr(model, "layer_offloading", False)),
                      quantized=bool(getattr(model, "quantize", False)))
        process.ltx2_fast_path = cached
    return cached


def optimizer_params(process: Any, optimizer_type: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The optimizer's keyword arguments as the fast path wants them (only AdamW changes)."""
    if str(optimizer_type).lower() != "adamw":
        return dict(params or {})
    return adamw_params(params, plan_for_process(process))


def apply_before_train_loop(process: Any, log=print) -> FastPathPlan:
    """Turn on the LoRA path and compile the blocks, after the LoRA is attached."""
    from ltx2_character.training import block_compile

    fast = plan_for_process(process)
    network = getattr(process, "network", None)
    if network is not None:
        network.ltx2_compute_dtype_lora = fast.compute_dtype_lora
    if fast.compile_blocks:
        transformer = process.sd.unet
        transformer = getattr(transformer, "_orig_mod", transformer)
        count = block_compile.compile_blocks(transformer.transformer_blocks)
        log(f"fast path: compiled {count} transformer blocks in place (static shapes); "
            "the first step at each new shape compiles, later steps reuse it")
    log(fast.describe() + " (train.fast_path: false turns it off)")
    return fast
