"""Intervals for step-time ratios: bootstrap over the recorded steps (pure, seeded)."""
from __future__ import annotations

import random
import statistics
from typing import Sequence


def _quantile(sorted_values: list[float], q: float) -> float:
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


def median_ci(values: Sequence[float], level: float = 0.95, draws: int = 2000, seed: int = 0) -> tuple[float, float]:
    """Bootstrap interval of the median of ``values`` (paired ratios: one value per pair)."""
    rng = random.Random(seed)
    n = len(values)
    medians = sorted(statistics.median(rng.choices(values, k=n)) for _ in range(draws))
    return _quantile(medians, (1 - level) / 2), _quantile(medians, (1 + level) / 2)


def ratio_of_medians_ci(a: Sequence[float], b: Sequence[float], level: float = 0.95, draws: int = 2000,
                        seed: int = 0) -> tuple[float, float]:
    """Bootstrap interval of median(a) / median(b) for unpaired samples (arms in different processes)."""
    rng = random.Random(seed)
    ratios = sorted(statistics.median(rng.choices(a, k=len(a))) / statistics.median(rng.choices(b, k=len(b)))
                    for _ in range(draws))
    return _quantile(ratios, (1 - level) / 2), _quantile(ratios, (1 + level) / 2)
