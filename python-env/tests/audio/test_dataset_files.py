"""The files patch 0019's loader leaves out of a dataset (``fork.datasets.training_files``)."""
from __future__ import annotations

import os
from types import SimpleNamespace

from ltx2_character.fork.datasets import training_files

FILES = ["/d/talk_00.mp4", "/d/talk_01.mp4", "/d/broken.mp4", "/d/x.png"]


def test_the_voice_reports_held_out_clips_are_left_out():
    config = SimpleNamespace(held_out_files=["/d/talk_01.mp4"])
    assert training_files(FILES, config) == ["/d/talk_00.mp4", "/d/broken.mp4", "/d/x.png"]


def test_the_files_the_dataset_check_skipped_are_left_out_too():
    config = SimpleNamespace(held_out_files=["/d/talk_01.mp4"], skipped_files=["/d/broken.mp4"])
    assert training_files(FILES, config) == ["/d/talk_00.mp4", "/d/x.png"]


def test_nothing_to_leave_out_keeps_the_list():
    assert training_files(FILES, SimpleNamespace()) == FILES
    assert training_files(FILES, SimpleNamespace(held_out_files=None, skipped_files=[])) == FILES


def test_paths_are_compared_as_real_paths(tmp_path):
    clip = tmp_path / "a.mp4"
    clip.write_bytes(b"")
    (tmp_path / "sub").mkdir()
    roundabout = os.path.join(tmp_path, "sub", "..", "a.mp4")
    assert training_files([roundabout], SimpleNamespace(skipped_files=[str(clip)])) == []
