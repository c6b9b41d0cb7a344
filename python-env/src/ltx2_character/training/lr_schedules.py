"""Learning-rate scheduler arguments with the defaults a user expects (SOP item V).

Upstream quirks fixed here, before ``toolkit.scheduler.get_lr_scheduler`` builds the
scheduler from ``lr_scheduler_params`` (``total_iters`` = training steps):

- ``linear`` was torch's ``LinearLR`` with its defaults: a ramp *up* from 1/3 of the rate.
  It now decays linearly from the full rate to zero over the run (start_factor 1,
  end_factor 0), unless the params say otherwise.
- ``constant_with_warmup`` warmed up for 1000 steps when ``num_warmup_steps`` was unset,
  longer than most LoRA runs. The default is now 5% of the steps.
- ``cosine_with_restarts`` used the whole run as its first cycle, so it never restarted.
  The default is now ``num_cycles`` (3) equal cycles.
- ``cosine`` decays to ``eta_min`` (0) over the run, as before.
"""
from __future__ import annotations

from typing import Any

WARMUP_SHARE = 0.05
DEFAULT_CYCLES = 3


def scheduler_arguments(name: str | None, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Returns the kwargs for ``name`` with our defaults filled in; explicit params win."""
    kwargs = dict(kwargs)
    total = int(kwargs.get("total_iters", 0) or 0)
    if name == "linear":
        kwargs.setdefault("start_factor", 1.0)
        kwargs.setdefault("end_factor", 0.0)
    elif name == "constant_with_warmup":
        kwargs.setdefault("num_warmup_steps", int(round(total * WARMUP_SHARE)))
    elif name == "cosine_with_restarts" and "T_0" not in kwargs:
        cycles = int(kwargs.pop("num_cycles", DEFAULT_CYCLES))
        if cycles < 1:
            raise ValueError("lr_scheduler_params.num_cycles must be >= 1")
        if total:
            kwargs.pop("total_iters", None)
            kwargs["T_0"] = max(1, total // cycles)
    return kwargs
