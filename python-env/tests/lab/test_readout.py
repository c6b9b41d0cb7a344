import numpy as np
import pytest

from ltx2_tools.lab.voice.readout import Probe


def _latents(rng, centres, per_class, noise):
    xs, ys = [], []
    for name, c in centres.items():
        for _ in range(per_class):
            xs.append(c[None, :] + noise * rng.standard_normal((18, c.size)))
            ys.append(name)
    return np.stack(xs), ys


def test_probe_reads_separable_classes_and_round_trips():
    rng = np.random.default_rng(0)
    centres = {n: rng.standard_normal(16) for n in ("a", "b", "c")}
    x, y = _latents(rng, centres, 10, 0.5)
    probe = Probe.fit(x, y)
    xt, yt = _latents(rng, centres, 10, 0.5)
    assert probe.accuracy(xt, yt) == 1.0
    again = Probe.from_json(probe.to_json())
    assert again.predict(xt) == probe.predict(xt)


def test_probe_is_at_chance_when_the_classes_carry_no_signal():
    rng = np.random.default_rng(1)
    centres = {n: np.zeros(16) for n in ("a", "b", "c", "d")}
    x, y = _latents(rng, centres, 50, 1.0)
    probe = Probe.fit(x, y)
    xt, yt = _latents(rng, centres, 200, 1.0)
    assert probe.accuracy(xt, yt) == pytest.approx(0.25, abs=0.08)
