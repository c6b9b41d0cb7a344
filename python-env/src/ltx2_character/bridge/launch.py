"""Entry point for several ranks: ``python -m ltx2_character.bridge.launch TORCHRUN_ARGS...``.

Runs the standard launcher (``torch.distributed.run``, i.e. ``torchrun``) with the given
arguments, in its own session so that a terminal's Ctrl-C reaches only the orchestrator,
which stops the ranks together through their stop file at a step end (torchrun would kill
them after a fixed grace period). Rank 0's events pass through on stdout. When a rank dies,
torchrun stops the others; this process then adds one ``rank_failed`` event per dead rank,
the one thing rank 0 cannot report when it is the rank that died.
"""
from __future__ import annotations

import json
import os
import sys


def rank_failed_events(failures: dict) -> list[dict]:
    """``ChildFailedError.failures`` (global rank -> ProcessFailure) as events, the first to
    fail first: the others are usually ranks torchrun stopped because of it."""
    ordered = sorted(failures.items(), key=lambda item: (getattr(item[1], "timestamp", 0), item[0]))
    return [{"type": "rank_failed", "rank": int(rank), "exit_code": int(failure.exitcode)}
            for rank, failure in ordered]


def main(argv: list[str]) -> int:
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError
    from torch.distributed.run import main as torchrun

    try:
        os.setsid()
    except OSError:
        pass  # already a session leader
    try:
        torchrun(argv)
    except ChildFailedError as exc:
        print(exc, file=sys.stderr, flush=True)  # torchrun's table: ranks, exit codes, times
        for event in rank_failed_events(exc.failures):
            sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
