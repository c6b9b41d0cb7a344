"""Crash-safe checkpoints: atomic writes, and resume only from a complete file.

ai-toolkit writes each LoRA and ``optimizer.pt`` in place, so a process killed in the middle
of a save (SIGKILL, OOM killer, a lost machine) leaves a truncated newest checkpoint, and the
next run resumes from it and fails. Here every checkpoint file is written under a temporary
name in the same folder, flushed to disk (fsync), then renamed over its final name (atomic
on POSIX), and the folder entry flushed too. On resume the newest checkpoint that is complete
and readable wins; a broken one is named and moved into ``SET_ASIDE_DIR`` (never deleted,
never loaded).

The temporary and set-aside names start with a dot, so ai-toolkit's globs (``{job}*``) never
see them as checkpoints.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import struct
import sys
import zipfile
from typing import Callable, Iterable

SET_ASIDE_DIR = ".set-aside"
_PARTIAL_SUFFIX = ".partial"


def _to_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr, flush=True)


# Where "a broken checkpoint was set aside" goes. Not the logging module: libraries imported by
# ai-toolkit reconfigure logging (dictConfig disables existing loggers), and this must reach the user.
_report: Callable[[str], None] = _to_stderr


def report_to(report: Callable[[str], None]) -> None:
    """Send the set-aside notices to ``report`` (the bridge: a ``notice`` event to the orchestrator)."""
    global _report
    _report = report


class CheckpointSpaceError(OSError):
    """The disk filled up during a save; the message names the folder and the space needed."""


def partial_path(path: str) -> str:
    directory, name = os.path.split(os.path.abspath(path))
    return os.path.join(directory, f".{name}{_PARTIAL_SUFFIX}")


def _fsync(path: str, flags: int = os.O_RDONLY) -> None:
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: str, write: Callable[[str], object]) -> None:
    """Call ``write(tmp)``, flush ``tmp`` and rename it to ``path``; ``path`` is never partial."""
    path = os.path.abspath(path)
    directory = os.path.dirname(path)
    tmp = partial_path(path)
    try:
        write(tmp)
        _fsync(tmp)
        os.replace(tmp, path)
    except BaseException as exc:
        written = os.path.getsize(tmp) if os.path.exists(tmp) else 0
        _remove_quietly(tmp)
        if _is_space_error(exc):
            raise _space_error(directory, path, written) from exc
        raise
    _fsync(directory)


def _is_space_error(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    # safetensors and torch re-raise ENOSPC as their own errors with the OS text in the message.
    text = str(exc)
    return "No space left on device" in text or "Disk quota exceeded" in text


def _space_error(directory: str, path: str, written: int) -> CheckpointSpaceError:
    free = shutil.disk_usage(directory).free
    return CheckpointSpaceError(
        errno.ENOSPC,
        f"no space left in {directory} while saving {os.path.basename(path)}: wrote {_size(written)} before the disk "
        f"was full ({_size(free)} free); free at least {_size(max(written, 1) * 2)} there or point the job's "
        "training_folder at a larger disk, then run the same command to resume from the last complete checkpoint",
    )


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def safetensors_problem(path: str) -> str | None:
    """Why a ``.safetensors`` file is not a complete checkpoint, or None when it is."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            head = f.read(8)
            if len(head) < 8:
                return f"{size} bytes: shorter than the 8-byte header length"
            (header_len,) = struct.unpack("<Q", head)
            if header_len > size - 8:
                return f"header of {header_len} bytes does not fit in {size} bytes: truncated"
            header = json.loads(f.read(header_len).decode("utf-8"))
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return f"unreadable header: {exc}"
    if not isinstance(header, dict):
        return "header is not a JSON object"
    data_size = size - 8 - header_len
    end = 0
    for key, entry in header.items():
        if key == "__metadata__":
            continue
        offsets = entry.get("data_offsets") if isinstance(entry, dict) else None
        if not (isinstance(offsets, list) and len(offsets) == 2):
            return f"tensor {key} has no data offsets"
        end = max(end, int(offsets[1]))
    if end != data_size:
        return f"tensor data needs {end} bytes, the file holds {data_size}: truncated"
    return None


def torch_archive_problem(path: str) -> str | None:
    """Why a ``torch.save`` zip archive (``optimizer.pt``) is incomplete, or None when it is whole."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
    except (OSError, zipfile.BadZipFile, EOFError) as exc:
        return f"not a complete torch archive: {exc}"
    return None if bad is None else f"damaged entry {bad}"


def problem(path: str) -> str | None:
    """Why ``path`` cannot be resumed from (None: complete). Folders (diffusers saves) are not checked."""
    if os.path.isdir(path):
        return None
    if path.endswith(".safetensors"):
        return safetensors_problem(path)
    if path.endswith(".pt"):
        return torch_archive_problem(path)
    return None


def set_aside(path: str, reason: str) -> str:
    """Move a broken checkpoint into ``<folder>/.set-aside/`` (never overwriting) and say so."""
    directory, name = os.path.split(os.path.abspath(path))
    target_dir = os.path.join(directory, SET_ASIDE_DIR)
    os.makedirs(target_dir, exist_ok=True)
    target = os.path.join(target_dir, name)
    n = 1
    while os.path.exists(target):
        target = os.path.join(target_dir, f"{name}.{n}")
        n += 1
    os.replace(path, target)
    _report(f"checkpoint {path} is broken ({reason}); moved to {target} and not loaded")
    return target


def newest_complete(paths: Iterable[str], key: Callable[[str], float] = os.path.getctime) -> str | None:
    """The newest (by ``key``, upstream's order) complete checkpoint; broken newer ones are set aside.

    ai-toolkit's globs list a file once per pattern it matches (``name*.safetensors`` and
    ``name*``), so each path is considered once.
    """
    for path in sorted(dict.fromkeys(paths), key=key, reverse=True):
        reason = problem(path)
        if reason is None:
            return path
        set_aside(path, reason)
    return None


def usable(path: str) -> bool:
    """True when ``path`` exists and is complete; a broken file is set aside (used for optimizer.pt)."""
    if not os.path.exists(path):
        return False
    reason = problem(path)
    if reason is None:
        return True
    set_aside(path, reason)
    return False


def save_safetensors(tensors: dict, path: str, metadata: dict | None = None) -> None:
    from safetensors.torch import save_file

    atomic_write(path, lambda tmp: save_file(tensors, tmp, metadata))


def save_torch(obj: object, path: str) -> None:
    import torch

    atomic_write(path, lambda tmp: torch.save(obj, tmp))
