import numpy as np
import pytest

from ltx2_tools.lab.voice import stats


def test_bootstrap_interval_covers_the_mean_and_narrows_with_more_seeds():
    rng = np.random.default_rng(0)
    few = stats.bootstrap(rng.normal(1.0, 1.0, 5))
    many = stats.bootstrap(rng.normal(1.0, 1.0, 200))
    assert few.low <= few.estimate <= few.high
    assert many.low < 1.0 < many.high
    assert (many.high - many.low) < (few.high - few.low)


def test_paired_difference_removes_the_seed_effect():
    seed_effect = {s: 10.0 * s for s in range(6)}
    arm = {s: v + 0.5 for s, v in seed_effect.items()}
    iv = stats.paired_difference(arm, seed_effect)
    assert iv.estimate == pytest.approx(0.5) and iv.low == pytest.approx(0.5) and iv.high == pytest.approx(0.5)


def test_paired_ratio_is_a_ratio_of_means_over_common_seeds():
    arm = {0: 1.0, 1: 3.0, 7: 100.0}
    ref = {0: 4.0, 1: 4.0}
    iv = stats.paired_ratio(arm, ref)
    assert iv.n == 2 and iv.estimate == pytest.approx(0.5)
