"""Which modules Accelerate may wrap for data parallelism.

ai-toolkit's ``prepare_accelerator`` hands every model (the VAE, the transformer, the text
encoders it trains) to ``accelerator.prepare``. With several ranks (MULTI_GPU, MULTI_CPU)
Accelerate wraps each in ``DistributedDataParallel``, which refuses a module without one
trainable parameter ("DistributedDataParallel is not needed when a module doesn't have any
parameter that requires a gradient", huggingface/accelerate#760). In LoRA training the VAE
and the transformer are frozen (the LoRA lives in the network), so an LTX-2 LoRA job on two
GPUs fails before its first step. A frozen module needs no wrapper: it is on its device
already, and its gradients, which do not exist, need no all-reduce.
"""
from __future__ import annotations

from typing import Any


def has_trainable_parameters(module: Any) -> bool:
    parameters = getattr(module, "parameters", None)
    return callable(parameters) and any(p.requires_grad for p in parameters())


def prepare_if_trainable(accelerator: Any, module: Any) -> Any:
    """``accelerator.prepare(module)`` for a module that trains, the module itself otherwise
    (with one process Accelerate would return it unwrapped as well)."""
    if module is None or not has_trainable_parameters(module):
        return module
    return accelerator.prepare(module)
