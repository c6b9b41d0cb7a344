"""The import rule between the two packages: `ltx2_character` (runtime: what a training job
imports) must not import `ltx2_tools` (benchmarks, checklist, demo, labs). Checked statically,
so a lazy import inside a function or through importlib counts too."""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

RUNTIME = "ltx2_character"
TOOLS = "ltx2_tools"


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    module: str


def _is_tools(name: str) -> bool:
    return name == TOOLS or name.startswith(TOOLS + ".")


def _imported_names(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            yield node.lineno, node.args[0].value


def runtime_violations(src: Path) -> list[Violation]:
    """Every import of the tooling package found in the runtime package under `src`."""
    found: list[Violation] = []
    for path in sorted((src / RUNTIME).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in _imported_names(tree):
            if _is_tools(name):
                found.append(Violation(str(path), line, name))
    return found
