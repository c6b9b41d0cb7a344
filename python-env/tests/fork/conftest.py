from __future__ import annotations

import pytest

from . import harness


@pytest.fixture(scope="session")
def ltx_models(fork, tiny_ltx2, tiny_ltx23, tiny_ltx25):
    """The patched models loaded once per architecture: {"ltx2": …, "ltx2.3": …, "ltx2.5": …}.

    2.5 goes through LTX25Model's own path on its split files, sized from the files
    (patch 0020)."""
    return {"ltx2": harness.load_model(tiny_ltx2, "ltx2"), "ltx2.3": harness.load_model(tiny_ltx23, "ltx2.3"),
            "ltx2.5": harness.load_model(tiny_ltx25, "ltx2.5")}


@pytest.fixture(scope="session")
def model_dirs(tiny_ltx2, tiny_ltx23, tiny_ltx25):
    return {"ltx2": tiny_ltx2, "ltx2.3": tiny_ltx23, "ltx2.5": tiny_ltx25}


@pytest.fixture(scope="session")
def datasets(tmp_path_factory):
    """Generated clips: one talking + one silent (a mixed batch of 2), stills, silent-only."""
    root = tmp_path_factory.mktemp("data")
    return {
        "mixed": harness.make_dataset(root / "mixed", talking=1, silent=1),
        "stills": harness.make_dataset(root / "stills", stills=2),
        "silent": harness.make_dataset(root / "silent", silent=2),
        "talking": harness.make_dataset(root / "talking", talking=2),
    }
