"""Crash-safe checkpoint files: atomic writes, completeness checks, setting broken files aside."""
from __future__ import annotations

import errno
import json
import os
import struct
import zipfile
from pathlib import Path

import pytest

from ltx2_character.training import checkpoints


def safetensors_bytes(tensors: dict[str, int], metadata: dict | None = None) -> bytes:
    """A valid safetensors file with float32 tensors of the given element counts."""
    header: dict = {"__metadata__": metadata or {"step": "1"}}
    offset = 0
    for name, count in tensors.items():
        header[name] = {"dtype": "F32", "shape": [count], "data_offsets": [offset, offset + 4 * count]}
        offset += 4 * count
    head = json.dumps(header).encode()
    return struct.pack("<Q", len(head)) + head + bytes(offset)


def write_checkpoint(path: Path, data: bytes, ctime_order: int) -> Path:
    path.write_bytes(data)
    os.utime(path, (ctime_order, ctime_order))
    return path


def test_a_complete_file_has_no_problem(tmp_path):
    path = tmp_path / "job_000000010.safetensors"
    path.write_bytes(safetensors_bytes({"a": 3, "b": 5}))
    assert checkpoints.problem(str(path)) is None


def test_every_truncation_of_a_safetensors_file_is_found(tmp_path):
    data = safetensors_bytes({"a": 3, "b": 5})
    path = tmp_path / "cut.safetensors"
    for length in range(len(data)):
        path.write_bytes(data[:length])
        assert checkpoints.problem(str(path)) is not None, f"a file cut to {length} of {len(data)} bytes passed"


def test_a_truncated_torch_archive_is_found(tmp_path):
    whole = tmp_path / "whole.pt"
    with zipfile.ZipFile(whole, "w") as z:
        z.writestr("archive/data.pkl", b"x" * 4000)
    assert checkpoints.problem(str(whole)) is None
    cut = tmp_path / "optimizer.pt"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    assert checkpoints.problem(str(cut)) is not None


def test_atomic_write_leaves_the_previous_file_when_the_writer_dies(tmp_path):
    target = tmp_path / "job.safetensors"
    target.write_bytes(b"previous")

    def dies_halfway(tmp: str) -> None:
        Path(tmp).write_bytes(b"half of the new")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        checkpoints.atomic_write(str(target), dies_halfway)
    assert target.read_bytes() == b"previous"
    assert not Path(checkpoints.partial_path(str(target))).exists()


def test_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "job.safetensors"
    target.write_bytes(b"previous")
    checkpoints.atomic_write(str(target), lambda tmp: Path(tmp).write_bytes(b"new"))
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["job.safetensors"]


def test_the_temporary_name_is_invisible_to_ai_toolkit_globs(tmp_path):
    tmp = Path(checkpoints.partial_path(str(tmp_path / "job_000000010.safetensors")))
    tmp.write_bytes(b"")
    assert list(tmp_path.glob("job*")) == []


def test_a_full_disk_names_the_folder_and_the_space(tmp_path):
    target = tmp_path / "job.safetensors"
    target.write_bytes(b"previous")

    def fills_the_disk(tmp: str) -> None:
        Path(tmp).write_bytes(b"x" * 3000)
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(checkpoints.CheckpointSpaceError) as caught:
        checkpoints.atomic_write(str(target), fills_the_disk)
    message = str(caught.value)
    assert str(tmp_path) in message and "2.9 KiB" in message and "free at least 5.9 KiB" in message
    assert target.read_bytes() == b"previous"
    assert not Path(checkpoints.partial_path(str(target))).exists()


def test_a_library_error_that_wraps_a_full_disk_is_recognised(tmp_path):
    def safetensors_style(tmp: str) -> None:
        raise RuntimeError("Error while serializing: IoError(Os { code: 28, kind: StorageFull, message: \"No space left on device\" })")

    with pytest.raises(checkpoints.CheckpointSpaceError):
        checkpoints.atomic_write(str(tmp_path / "job.safetensors"), safetensors_style)


def test_resume_skips_a_broken_newest_checkpoint_and_sets_it_aside(tmp_path, monkeypatch):
    reports: list[str] = []
    monkeypatch.setattr(checkpoints, "_report", reports.append)
    good = write_checkpoint(tmp_path / "job_000000005.safetensors", safetensors_bytes({"a": 4}), 1000)
    data = safetensors_bytes({"a": 4})
    broken = write_checkpoint(tmp_path / "job_000000010.safetensors", data[: len(data) // 2], 2000)

    chosen = checkpoints.newest_complete([str(good), str(broken)], key=os.path.getmtime)

    assert chosen == str(good)
    assert not broken.exists()
    kept = tmp_path / checkpoints.SET_ASIDE_DIR / broken.name
    assert kept.read_bytes() == data[: len(data) // 2]  # set aside, never deleted
    assert len(reports) == 1 and str(broken) in reports[0] and str(kept) in reports[0]


def test_a_path_listed_twice_is_set_aside_once(tmp_path):
    good = write_checkpoint(tmp_path / "job_000000005.safetensors", safetensors_bytes({"a": 4}), 1000)
    broken = write_checkpoint(tmp_path / "job.safetensors", b"\x01", 2000)
    paths = [str(good), str(broken), str(good), str(broken)]  # as ai-toolkit's two globs return them
    assert checkpoints.newest_complete(paths, key=os.path.getmtime) == str(good)
    assert [p.name for p in (tmp_path / checkpoints.SET_ASIDE_DIR).iterdir()] == ["job.safetensors"]


def test_set_aside_never_overwrites_an_earlier_broken_file(tmp_path):
    for content in (b"first", b"second"):
        broken = tmp_path / "job_000000010.safetensors"
        broken.write_bytes(content)
        checkpoints.set_aside(str(broken), "test")
    aside = tmp_path / checkpoints.SET_ASIDE_DIR
    assert sorted(p.read_bytes() for p in aside.iterdir()) == [b"first", b"second"]


def test_no_complete_checkpoint_means_a_fresh_start(tmp_path):
    broken = write_checkpoint(tmp_path / "job_000000010.safetensors", b"\x01\x02", 1000)
    assert checkpoints.newest_complete([str(broken)], key=os.path.getmtime) is None


def test_a_broken_optimizer_state_is_set_aside_not_loaded(tmp_path):
    optimizer = tmp_path / "optimizer.pt"
    assert checkpoints.usable(str(optimizer)) is False  # absent
    optimizer.write_bytes(b"PK\x03\x04truncated")
    assert checkpoints.usable(str(optimizer)) is False
    assert (tmp_path / checkpoints.SET_ASIDE_DIR / "optimizer.pt").exists()
