"""U: AdamW, Prodigy and DAdaptation build and step on tiny LTX-2 2.0 and 2.3."""
from __future__ import annotations

import pytest

from . import harness
from .harness import ARCHES

pytestmark = pytest.mark.fork


@pytest.mark.parametrize("name, expected_class", [
    ("adamw", "AdamW"), ("prodigy", "Prodigy"), ("dadaptationadam", "DAdaptAdam"), ("dadaptationlion", "DAdaptLion"),
])
@pytest.mark.parametrize("arch", ARCHES)
def test_optimizer_builds_and_steps(arch, name, expected_class, fork, model_dirs, datasets, tmp_path, monkeypatch):
    from toolkit import optimizer as optimizer_module

    built = []
    real = optimizer_module.get_optimizer

    def spy(*args, **kwargs):
        opt = real(*args, **kwargs)
        built.append(opt)
        return opt

    import sys

    import jobs.process.BaseSDTrainProcess  # noqa: F401  (the package re-exports the class under this name)

    monkeypatch.setattr(sys.modules["jobs.process.BaseSDTrainProcess"], "get_optimizer", spy)
    lr = 1.0 if name != "adamw" else 1e-4
    config = harness.job(model_dirs[arch], [{"folder_path": str(datasets["talking"])}], tmp_path / "out",
                         arch=arch, steps=2, train={"optimizer": name, "lr": lr})
    outcome, sink = harness.train(config, fork)
    assert outcome == "completed", sink.of("failed")
    assert type(built[-1]).__name__ == expected_class
    state = built[-1].state
    assert state and all(len(s) > 0 for s in state.values()), "the optimizer stepped"
