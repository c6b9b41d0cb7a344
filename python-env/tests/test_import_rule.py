"""The runtime package (what the patches and the bridge import inside a user's training) never
imports the tooling package: a reader can tell what runs in a training job from the tree."""
from __future__ import annotations

import ast
from pathlib import Path

from ltx2_tools.import_rule import runtime_violations

SRC = Path(__file__).resolve().parents[1] / "src"


def test_runtime_never_imports_tools() -> None:
    runtime_files = sorted((SRC / "ltx2_character").rglob("*.py"))
    assert len(runtime_files) > 10, "the runtime package was not found"
    assert runtime_violations(SRC) == []


def test_rule_sees_every_import_form(tmp_path: Path) -> None:
    pkg = tmp_path / "ltx2_character"
    pkg.mkdir()
    (pkg / "a.py").write_text("import ltx2_tools.bench\n")
    (pkg / "b.py").write_text("def f():\n    from ltx2_tools.demo import media\n")
    (pkg / "c.py").write_text("from ltx2_tools import workbench\nimport os\n")
    (pkg / "d.py").write_text("import importlib\nimportlib.import_module('ltx2_tools.lab')\n")
    (pkg / "ok.py").write_text("from ltx2_character.audio import options\nimport ltx2_toolsy\n")
    found = {(Path(v.path).name, v.module) for v in runtime_violations(tmp_path)}
    assert found == {("a.py", "ltx2_tools.bench"), ("b.py", "ltx2_tools.demo"),
                     ("c.py", "ltx2_tools"), ("d.py", "ltx2_tools.lab")}
    ast.parse((pkg / "ok.py").read_text())
