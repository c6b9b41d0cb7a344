"""Entry point of the subprocess runner: ``python -m ltx2_character.bridge.subprocess_main``.

Events go to the original stdout, one JSON line each; everything else the trainer prints,
native libraries included, is moved to stderr by redirecting file descriptor 1, so the
event stream stays clean. SIGINT/SIGTERM set the stop flag, as the Java side does for
the in-process runner, so both stop the same way: at the next step end, after a checkpoint.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys

from .events import LineSink
from .run import COMPLETED, STOPPED, run_training

EXIT_CODES = {COMPLETED: 0, STOPPED: 0}


class SignalStopFlag:
    """Set by SIGINT/SIGTERM, or by the file ``stop_file`` appearing: under torchrun the
    orchestrator stops the ranks with the file, because the launcher answers signals by
    killing its workers after a grace period shorter than a large model's checkpoint."""

    def __init__(self, stop_file: str | None = None) -> None:
        self._set = False
        self._stop_file = stop_file
        signal.signal(signal.SIGINT, self._handle)
        signal.signal(signal.SIGTERM, self._handle)

    def _handle(self, signum, frame) -> None:
        self._set = True

    def get(self) -> bool:
        if not self._set and self._stop_file and os.path.exists(self._stop_file):
            self._set = True
        return self._set


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config-json", required=True, help="file holding the resolved job config as JSON")
    parser.add_argument("--fork", required=True, help="the patched ai-toolkit tree")
    parser.add_argument("--log-file", dest="log", default=None,
                        help="append the trainer's output here (not --log: torchrun would take that prefix as its own)")
    parser.add_argument("--stop-file", default=None, help="stop at the next step end once this file exists")
    args = parser.parse_args(argv)

    events_out = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    with open(args.config_json, encoding="utf-8") as f:
        config_json = f.read()
    outcome = run_training(config_json, args.fork, LineSink(events_out), SignalStopFlag(args.stop_file), args.log)
    return EXIT_CODES.get(outcome, 3)


if __name__ == "__main__":
    sys.exit(main())
