"""The benchmark matrix's time budget (bin/gpu-bench --budget): what is left of it, a run's
timeout, and the record of a part that would not fit. Whole seconds throughout, as the records
and bench.log show them."""
from __future__ import annotations

import time
from typing import Callable


def left_s(budget_s: int, elapsed_s: float) -> int:
    """Seconds of the budget left after elapsed_s (whole seconds elapsed; negative once overrun)."""
    return budget_s - int(elapsed_s)


def run_timeout_s(cap_s: int, left: int) -> int:
    """A run's timeout: its own cap or what is left, whichever is smaller, and never below 1 s
    (an overrun budget still gives each run a second rather than no limit at all)."""
    return min(cap_s, max(1, left))


def skip_record(part: str, need_s: int, left: int) -> dict | None:
    """None when a part that needs need_s seconds to start fits what is left; else its
    steps.jsonl record ({"type": "skipped", ...})."""
    if left >= need_s:
        return None
    return {"type": "skipped", "part": part, "needs_s": need_s, "left_s": left}


def skip_line(record: dict) -> str:
    """bench.log's line for a skipped part."""
    return f"» {record['part']} skipped: needs ~{record['needs_s']} s, {record['left_s']} s of the budget left"


class Budget:
    """A wall-clock budget started now (clock: seconds, monotonic)."""

    def __init__(self, seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._started = clock()

    def left(self) -> int:
        return left_s(self.seconds, self._clock() - self._started)

    def timeout(self, cap_s: int) -> int:
        return run_timeout_s(cap_s, self.left())

    def skip(self, part: str, need_s: int) -> dict | None:
        return skip_record(part, need_s, self.left())
