"""The patched fork imports on a machine without CUDA (patch 0001)."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytestmark = pytest.mark.fork

# Simulates a CPU-only machine even where a GPU exists: torch.cuda calls fail as they do
# without a driver.
NO_CUDA = """
import torch
def _no_driver(*a, **k):
    raise RuntimeError("Found no NVIDIA driver on your system.")
torch.cuda.is_available = lambda: False
torch.cuda.current_device = _no_driver
torch.cuda.get_device_properties = _no_driver
"""


def _run(fork, code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", NO_CUDA + code], cwd=fork, capture_output=True, text=True, timeout=600
    )


def test_model_registry_imports_without_cuda(fork):
    result = _run(fork, "import extensions_built_in.diffusion_models as m; print(len(m.AI_TOOLKIT_MODELS))")
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip().splitlines()[-1]) > 30


def test_ltx2_arches_resolve_to_ltx2_models(fork):
    code = (
        "from toolkit.util.get_model import get_model_class\n"
        "from types import SimpleNamespace as S\n"
        "print(','.join(get_model_class(S(arch=a)).__name__ for a in ('ltx2','ltx2.3','ltx2.5')))"
    )
    result = _run(fork, code)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "LTX2Model,LTX23Model,LTX25Model"
