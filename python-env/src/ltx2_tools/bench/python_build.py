"""Which libpython runs this process: a shared library (always, under Jep) or none (a
statically linked python executable). Distribution builds of CPython run pure-Python code
markedly slower from their shared library than from their static executable, so a plain-Python
baseline on such an interpreter is not the same interpreter as the one Jep embeds
(docs/benchmarks.md, "In-process Jep")."""
from __future__ import annotations

import re
from pathlib import Path

_LIBPYTHON = re.compile(r"(/\S*libpython3[\d.]*\.so[\d.]*)\s*$")


def libpython_in_maps(maps: str) -> str | None:
    """The path of the first libpython shared library in a /proc/PID/maps text, else None."""
    for line in maps.splitlines():
        match = _LIBPYTHON.search(line)
        if match:
            return match.group(1)
    return None


def running_libpython() -> str:
    """This process's libpython path, or "static" when the executable has CPython linked in."""
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return "unknown (no /proc/self/maps)"
    return libpython_in_maps(maps) or "static"
