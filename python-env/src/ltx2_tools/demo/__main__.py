"""``python -m ltx2_tools demo --out DIR`` (the orchestrator's door) or ``python -m ltx2_tools.demo --out DIR``: write the tiny models and the demo dataset.

Layout: ``DIR/tiny-ltx2``, ``DIR/tiny-ltx2.3`` (diffusers folders), ``DIR/tiny-ltx2.5`` (LTX-2.5's split
files, a ComfyUI models folder) and ``DIR/dataset``.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from . import media, tiny_model


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, type=Path)
    return parser


def generate(out: Path) -> Path:
    """Every asset into ``out``, built beside it and moved in whole, so ``out`` is never half made."""
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    for arch in tiny_model.ARCHES:
        tiny_model.build(tmp / f"tiny-{arch}", tiny_model.TinyModelSpec(arch=arch))
    media.generate(tmp / "dataset")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return out


def main(argv: list[str] | None = None) -> int:
    out = generate(parser().parse_args(argv).out)
    print(f"demo assets in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
