"""The trainer log does not start with bitsandbytes' warning about the optional `kernels` package."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ltx2_character.bridge.known_warnings import BITSANDBYTES_CPU_LOGGER, filter_known_warnings

SRC = Path(__file__).resolve().parents[2] / "src"
ABSENT = ("Failed to load CPU gemm_4bit_forward from kernels-community: %s. Please make sure you already "
          "`pip install kernels` and the kernels >= 0.11.1")


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_only_the_absent_optional_package_is_filtered():
    filter_known_warnings()
    filter_known_warnings()
    logger = logging.getLogger(BITSANDBYTES_CPU_LOGGER)
    assert len(logger.filters) == 1
    collect = Collect()
    logger.addHandler(collect)
    try:
        logger.warning(ABSENT, ModuleNotFoundError("No module named 'kernels'"))
        logger.warning(ABSENT, RuntimeError("kernels 0.10.0 is too old"))
    finally:
        logger.removeHandler(collect)
    assert collect.messages == [ABSENT % "kernels 0.10.0 is too old"]


def _import_bitsandbytes(filtered: bool) -> str:
    code = ("from ltx2_character.bridge.known_warnings import filter_known_warnings; filter_known_warnings(); "
            if filtered else "") + "import bitsandbytes"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr


def test_importing_bitsandbytes_after_the_filter_prints_no_kernels_warning():
    pytest.importorskip("bitsandbytes")
    if "gemm_4bit_forward" not in _import_bitsandbytes(filtered=False):
        pytest.skip("this CPU or bitsandbytes version does not try the kernels package (needs AVX512-BF16)")
    assert "gemm_4bit_forward" not in _import_bitsandbytes(filtered=True)
