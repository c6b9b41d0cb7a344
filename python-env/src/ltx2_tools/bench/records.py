"""Benchmark records: one JSON object per line, printed and, with ``--out``, appended to a file
(the layout `bin/gpu-bench` collects in RESULTS/steps.jsonl and `summary` reads)."""
from __future__ import annotations

import json


def emit_line(line: str, out: str | None) -> None:
    print(line, flush=True)
    if out:
        with open(out, "a") as f:
            f.write(line + "\n")


def emit(record: dict, out: str | None) -> None:
    emit_line(json.dumps(record), out)
