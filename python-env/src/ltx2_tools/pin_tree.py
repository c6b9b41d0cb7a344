"""The bare upstream baseline as an ai-toolkit checkout: the fork's history up to its last
infrastructure commit before the first SOP patch (the infra patches only let the pin import on
machines without a GPU). Used by the parity tests and the voice lab's upstream arm."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def baseline_commit(fork: Path) -> str:
    base = None
    for line in _git(fork, "log", "--reverse", "--format=%H %s").splitlines():
        sha, subject = line.split(" ", 1)
        if subject.startswith("sop-") or subject.startswith("ui:"):
            break
        base = sha
    if base is None:
        raise RuntimeError(f"{fork} has no commit before its first SOP patch")
    return base


def checkout(fork: Path, tree: Path) -> Path:
    """Clone ``fork`` into ``tree`` at the baseline (reused when already there). A tree from an
    earlier build of the fork (same content, other commit ids) is replaced."""
    base = baseline_commit(fork)
    if (tree / ".git").exists() and _git(tree, "rev-parse", "HEAD").strip() == base:
        return tree
    if tree.exists():
        shutil.rmtree(tree)
    subprocess.run(["git", "clone", "-q", "--shared", "--no-checkout", str(fork), str(tree)], check=True)
    _git(tree, "-c", "advice.detachedHead=false", "checkout", "-q", base)
    if "ltx2_character" in (tree / "extensions_built_in/diffusion_models/ltx2/ltx2.py").read_text():
        raise RuntimeError("the baseline calls our package: it is not the bare pin")
    return tree
