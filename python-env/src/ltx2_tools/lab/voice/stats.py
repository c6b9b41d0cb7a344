"""Paired comparisons across training seeds: the same seed, data order and steps in both arms, so
the per-seed difference (or ratio) removes what the seed alone does."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Interval:
    estimate: float
    low: float
    high: float
    n: int

    def to_json(self) -> dict:
        return {"estimate": self.estimate, "low": self.low, "high": self.high, "n": self.n}


def bootstrap(values: np.ndarray, statistic=np.mean, resamples: int = 10_000, level: float = 0.95,
              seed: int = 0) -> Interval:
    """Percentile bootstrap interval of ``statistic`` over paired per-seed values (one value per
    seed, or one row per seed)."""
    values = np.asarray(values, dtype=np.float64)
    if len(values) == 0:
        raise ValueError("no values")
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(resamples, len(values)))
    stats = np.array([statistic(values[i]) for i in idx])
    tail = (1 - level) / 2
    return Interval(float(statistic(values)), float(np.quantile(stats, tail)), float(np.quantile(stats, 1 - tail)),
                    len(values))


def paired_difference(arm: dict[int, float], reference: dict[int, float], **kw) -> Interval:
    seeds = sorted(set(arm) & set(reference))
    return bootstrap(np.array([arm[s] - reference[s] for s in seeds]), **kw)


def paired_ratio(arm: dict[int, float], reference: dict[int, float], **kw) -> Interval:
    """Ratio of means over the paired seeds (not a mean of ratios, which a near-zero
    reference would dominate), bootstrapped over seeds."""
    seeds = sorted(set(arm) & set(reference))
    pairs = np.array([[arm[s], reference[s]] for s in seeds], dtype=np.float64)

    def ratio(rows: np.ndarray) -> float:
        return float(rows[:, 0].mean() / max(rows[:, 1].mean(), 1e-30))

    return bootstrap(pairs, ratio, **kw)
