"""M and O: every network type gets rank/module dropout, trains, saves, and its file loads back
(tiny 2.0 and 2.3)."""
from __future__ import annotations

import pytest

from . import harness
from .harness import ARCHES

pytestmark = pytest.mark.fork


def _network_kwargs(kind: str) -> dict:
    net = {"type": kind, "linear": 4, "linear_alpha": 4, "rank_dropout": 0.1, "module_dropout": 0.05}
    if kind == "lokr":
        net.update(lokr_full_rank=False, lokr_factor=4)
    return net


def _record_networks(monkeypatch) -> list[dict]:
    """Constructor keyword arguments of every network built, recorded before __init__ runs."""
    from toolkit import lora_special, lycoris_special

    seen = []
    for cls in (lora_special.LoRASpecialNetwork, lycoris_special.LycorisSpecialNetwork):
        init = cls.__init__

        def spy(self, *args, _init=init, _cls=cls.__name__, **kwargs):
            seen.append({"class": _cls, **kwargs})
            _init(self, *args, **kwargs)

        monkeypatch.setattr(cls, "__init__", spy)
    return seen


@pytest.mark.parametrize("kind", ["lora", "dora", "lokr"])
@pytest.mark.parametrize("arch", ARCHES)
def test_trains_saves_and_loads_back(arch, kind, fork, model_dirs, datasets, tmp_path, monkeypatch):
    created = _record_networks(monkeypatch)

    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=2)
    config["config"]["process"][0]["network"] = _network_kwargs(kind)
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert created[-1]["rank_dropout"] == 0.1 and created[-1]["module_dropout"] == 0.05
    saved = sink.of("saved")[-1]["path"]

    # a longer run of the same job resumes from the saved file: the loader reads it back
    config["config"]["process"][0]["train"]["steps"] = 3
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert sink.of("started")[0]["start_step"] == 2, f"resumed from {saved}"
    assert [e["step"] for e in sink.of("step")] == [3]


@pytest.mark.parametrize("arch", ARCHES)
def test_lycoris_path_gets_the_dropouts_but_finds_no_ltx2_modules(arch, fork, model_dirs, datasets, tmp_path,
                                                                   monkeypatch):
    """LoCon goes through LycorisSpecialNetwork, which does not walk the LTX-2 transformer
    (upstream limitation, docs/sop-status.md item M); the dropouts still reach it."""
    created = _record_networks(monkeypatch)
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=1)
    config["config"]["process"][0]["network"] = _network_kwargs("locon")
    outcome, sink = harness.train(config, fork)
    assert created[-1]["class"] == "LycorisSpecialNetwork"
    assert created[-1]["rank_dropout"] == 0.1 and created[-1]["module_dropout"] == 0.05
    assert outcome == "failed" and "not any lora modules" in sink.of("failed")[0]["error"]


@pytest.mark.parametrize("arch", ARCHES)
def test_network_kwargs_dropouts_do_not_collide(arch, fork, model_dirs, datasets, tmp_path):
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=1)
    config["config"]["process"][0]["network"] = {"type": "lora", "linear": 4, "linear_alpha": 4,
                                                 "network_kwargs": {"rank_dropout": 0.2}}
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")


@pytest.mark.parametrize("arch", ARCHES)
def test_dropout_in_both_places_is_a_clear_error(arch, fork, model_dirs, datasets, tmp_path):
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out", arch=arch,
                         steps=1)
    config["config"]["process"][0]["network"] = {"type": "lora", "linear": 4, "rank_dropout": 0.1,
                                                 "network_kwargs": {"rank_dropout": 0.2}}
    outcome, sink = harness.train(config, fork)
    assert outcome == "failed"
    assert "both set" in sink.of("failed")[0]["error"]
