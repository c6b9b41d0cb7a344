"""Stand-ins serve ai-toolkit's imports of missing packages, and only those."""
from __future__ import annotations

import importlib.util
import sys

from ltx2_tools.bench import stubs

MISSING = "ltx2_test_missing_pkg"


def test_fork_code_gets_an_inert_stand_in_while_library_probes_see_nothing(tmp_path):
    fork = tmp_path / "fork"
    fork.mkdir()
    (fork / "uses_missing.py").write_text(
        f"import {MISSING} as m\nfrom {MISSING}.sub import thing\nVALUE = m.SOME_CONSTANT\n"
        f"@m.decorator\ndef f():\n    return 1\n")
    finder = stubs._StubFinder((MISSING,), str(fork))
    sys.meta_path.append(finder)
    sys.path.insert(0, str(fork))
    try:
        assert importlib.util.find_spec(MISSING) is None  # a library's availability probe
        import uses_missing

        assert uses_missing.f() == 1 and not uses_missing.VALUE
        assert MISSING in finder.used
    finally:
        sys.meta_path.remove(finder)
        sys.path.remove(str(fork))
        for name in [n for n in sys.modules if n.startswith((MISSING, "uses_missing"))]:
            del sys.modules[name]


def test_real_packages_are_never_replaced(tmp_path):
    finder = stubs.install(str(tmp_path), names=("json",))
    try:
        assert "json" not in finder.names
    finally:
        sys.meta_path.remove(finder)
