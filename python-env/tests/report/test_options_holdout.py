from __future__ import annotations


import pytest

from ltx2_character.report import holdout
from ltx2_character.report.holdout import Clip
from ltx2_character.report.options import ReportOptionError, VoiceReportOptions


def test_defaults_on_for_ltx2_loras_only():
    opts = VoiceReportOptions.from_process({})
    assert opts == VoiceReportOptions() and opts.every is None and opts.held_out == 2 and opts.max_cost == 0.05
    assert opts.is_on("ltx2", True) and not opts.is_on("flux", True) and not opts.is_on("ltx2", False)
    assert not VoiceReportOptions.from_process({"voice_report": {"enabled": False}}).is_on("ltx2", True)


def test_explicit_cadence_counts_checkpoints_and_always_reports_the_last():
    opts = VoiceReportOptions.from_process({"voice_report": {"every": 3, "prompts": [" a man sings "]}})
    due = lambda n, final=False: opts.due(n, final, spent=1e9, expected=1e9, trained=1, reported=True)  # noqa: E731
    assert [n for n in range(1, 8) if due(n)] == [3, 6]
    assert due(4, final=True)
    assert opts.drift_prompts[-1] == "a man sings"


def test_default_cadence_keeps_the_report_within_its_share_of_training_time():
    opts = VoiceReportOptions()
    # a report costs 5 s and 5 s were spent on the base's pass: the next fits after 200 s of steps
    assert not opts.due(1, False, spent=5, expected=5, trained=199, reported=False)
    assert opts.due(1, False, spent=5, expected=5, trained=200, reported=False)
    assert not opts.due(2, False, spent=10, expected=5, trained=250, reported=True)
    assert opts.due(2, False, spent=10, expected=5, trained=300, reported=True)
    assert VoiceReportOptions(max_cost=0.5).due(2, False, spent=5, expected=5, trained=20, reported=True)


def test_the_final_checkpoint_reports_when_the_run_has_no_report_yet():
    opts = VoiceReportOptions()
    assert opts.due(3, True, spent=5, expected=5, trained=10, reported=False)
    assert not opts.due(3, True, spent=5, expected=5, trained=10, reported=True)


@pytest.mark.parametrize("section, key", [
    ({"every": 0}, "every"), ({"held_out": -1}, "held_out"), ({"every": "2"}, "every"),
    ({"enabled": "yes"}, "enabled"), ({"prompts": [""]}, "prompts"), ({"prompts": "hi"}, "prompts"),
    ({"validation_folder": 3}, "validation_folder"), ({"not_learning_after": 0}, "not_learning_after"),
    ({"max_cost": 0}, "max_cost"), ({"max_cost": "5%"}, "max_cost"),
])
def test_bad_values_name_the_key(section, key):
    with pytest.raises(ReportOptionError, match=f"voice_report.{key}"):
        VoiceReportOptions.from_process({"voice_report": section})


def clips(voiced: int, silent: int = 1) -> list[Clip]:
    return ([Clip(f"/d/talk_{i:02}.mp4", f"talk {i}", True) for i in range(voiced)]
            + [Clip(f"/d/silent_{i:02}.mp4", "silent", False) for i in range(silent)])


def test_set_aside_at_most_half_the_voiced_clips_spread_and_stable():
    assert holdout.choose_set_aside(clips(3), 2) == [clips(3)[1]]
    picked = holdout.choose_set_aside(clips(10), 2)
    assert [c.path for c in picked] == ["/d/talk_02.mp4", "/d/talk_07.mp4"]
    assert holdout.choose_set_aside(list(reversed(clips(10))), 2) == picked
    assert holdout.choose_set_aside(clips(1), 2) == []


def test_selection_names_set_aside_clips_and_marks_them():
    sel = holdout.select(clips(4), None, 2)
    assert sel.set_aside == tuple(c.path for c in sel.learn) and len(sel.learn) == 2
    assert any("set aside from training" in m and "talk_" in m for m in sel.messages)
    assert sel.drift and all(c.has_audio or c.path.endswith(".mp4") for c in sel.drift)


def test_validation_folder_is_used_and_nothing_is_set_aside():
    val = [Clip("/v/a.mp4", "ohwx says hi", True)]
    sel = holdout.select(clips(4), val, 2)
    assert sel.learn == tuple(val) and sel.set_aside == ()


def test_bad_validation_folder_falls_back_with_a_message():
    sel = holdout.select(clips(4), None, 2, validation_problem="voice_report.validation_folder unusable: /v is not a folder")
    assert "unusable" in sel.messages[0] and "instead" in sel.messages[0] and sel.set_aside
    silent = holdout.select(clips(4), [Clip("/v/a.mp4", "", False)], 2)
    assert "no clip with an audio stream" in silent.messages[0] and silent.set_aside


def test_no_voiced_clip_measures_drift_only():
    sel = holdout.select(clips(0, silent=2), None, 2)
    assert sel.learn == () and sel.set_aside == () and sel.drift
    assert "only the base drift" in sel.messages[-1]
