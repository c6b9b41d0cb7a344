"""The voice report's material never includes a file ``train``'s dataset check left out, and one
such file no longer turns the report off for the whole run."""
from __future__ import annotations

import shutil

import pytest

from ltx2_character.report import reporter
from ltx2_tools.workbench import make_dataset

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg to make clips")


def config(folder, skipped=()):
    dataset = {"folder_path": str(folder), "caption_ext": "txt", "num_frames": 17}
    if skipped:
        dataset["skipped_files"] = [str(p) for p in skipped]
    return {"config": {"process": [{"model": {"arch": "ltx2"}, "network": {"type": "lora"},
                                    "voice_report": {"enabled": True, "held_out": 1}, "datasets": [dataset]}]}}


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = make_dataset(tmp_path_factory.mktemp("report") / "clips", talking=2, silent=1)
    (folder / "broken.mp4").write_bytes(b"")  # zero bytes: PyAV cannot open it
    return folder


def test_a_broken_clip_turns_the_report_off_when_nothing_skipped_it(folder):
    said = []
    assert reporter.prepare(config(folder), said.append) is None
    assert any("broken.mp4" in line and "does not decode" in line for line in said), said


def test_the_skipped_clip_is_neither_measured_nor_a_reason_to_stop(folder):
    said = []
    job = config(folder, skipped=[folder / "broken.mp4"])
    plan = reporter.prepare(job, said.append)
    assert plan is not None, said
    chosen = {c.path for c in plan.selection.learn + plan.selection.drift} | set(plan.selection.set_aside)
    assert chosen and not any(p.endswith("broken.mp4") for p in chosen)
    assert job["config"]["process"][0]["datasets"][0]["held_out_files"] == list(plan.selection.set_aside)
