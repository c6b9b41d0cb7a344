"""Shared fixtures. The fork is found through LTX2_FORK_DIR (the orchestrator's test
command sets it); tests that need it are skipped with that reason when it is absent."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

FORK_ENV = "LTX2_FORK_DIR"

# Nothing in the tests may reach a model hub; fail at once instead of retrying.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def fork_dir() -> Path | None:
    value = os.environ.get(FORK_ENV)
    if value and (Path(value) / "toolkit").is_dir():
        return Path(value)
    return None


@pytest.fixture(scope="session")
def fork() -> Path:
    path = fork_dir()
    if path is None:
        pytest.skip(f"needs the materialised ai-toolkit fork: set {FORK_ENV} (run `bin/orchestrator fork apply`)")
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
    return path


@pytest.fixture(scope="session")
def tiny_ltx2(tmp_path_factory) -> Path:
    from ltx2_tools.demo.tiny_model import TinyModelSpec, build

    return build(tmp_path_factory.mktemp("tiny") / "ltx2", TinyModelSpec("ltx2"))


@pytest.fixture(scope="session")
def tiny_ltx23(tmp_path_factory) -> Path:
    from ltx2_tools.demo.tiny_model import TinyModelSpec, build

    return build(tmp_path_factory.mktemp("tiny") / "ltx23", TinyModelSpec("ltx2.3"))


@pytest.fixture(scope="session")
def tiny_ltx25(tmp_path_factory) -> Path:
    """LTX-2.5's split files (a ComfyUI models folder), not a diffusers folder."""
    from ltx2_tools.demo.tiny_model import TinyModelSpec, build

    return build(tmp_path_factory.mktemp("tiny") / "ltx25", TinyModelSpec("ltx2.5"))


@pytest.fixture(scope="session")
def pin_tree(fork, tmp_path_factory) -> Path:
    """The fork's history up to its last infrastructure commit before the first SOP patch."""
    from ltx2_tools.pin_tree import checkout

    tree = checkout(fork, tmp_path_factory.mktemp("pin") / "ai-toolkit")
    assert not list(tree.rglob("ltx2_character*")), "the baseline must not call our package"
    return tree
