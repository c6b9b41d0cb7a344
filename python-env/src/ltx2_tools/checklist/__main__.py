"""``python -m ltx2_tools.checklist --fork DIR --work DIR [--gpu] [--items 1,2] [--out FILE]`` (``bin/gpu-bench``;
the orchestrator reaches it as ``python -m ltx2_tools checklist …``)."""
from __future__ import annotations

import argparse
import json
import sys
import traceback
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from ltx2_tools.checklist import items as checklist


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="SOP section 8 pre-handoff checklist on tiny LTX-2")
    parser.add_argument("--fork", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--gpu", action="store_true", help="also run the CUDA items (7, 8)")
    parser.add_argument("--items", default="", help="comma-separated item numbers (default: all)")
    parser.add_argument("--out", type=Path, help="write the verdicts as JSON here")
    return parser


def run(args: argparse.Namespace, on_verdict: Callable[[checklist.Verdict], None] = lambda v: None
        ) -> list[checklist.Verdict]:
    """The items asked for, in order; ``on_verdict`` hears each verdict as it is reached."""
    from ltx2_character.bridge.run import prepare_process

    prepare_process(str(args.fork))
    wanted = {int(x) for x in args.items.split(",") if x.strip()} or set(range(1, 13))
    ctx = checklist.prepare(args.fork, args.work, args.gpu)
    verdicts = []
    for item in checklist.ITEMS:
        number = int(item.__name__.split("_")[1])
        if number not in wanted:
            continue
        try:
            verdict = item(ctx)
        except Exception as exc:  # a crash is a failed item, with its traceback as evidence
            verdict = checklist.Verdict(number, item.__doc__ or f"item {number}", checklist.FAIL,
                                        "the check itself raised", [traceback.format_exc()[-1500:]])
        verdicts.append(verdict)
        on_verdict(verdict)
    if args.out:
        args.out.write_text(json.dumps([asdict(v) for v in verdicts], indent=2))
    return verdicts


def main(argv: list[str] | None = None) -> int:
    run(parser().parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
