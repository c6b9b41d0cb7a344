"""``python -m ltx2_tools VERB``: each verb reaches its module, and every call ends in one terminal
event of the bridge's protocol (``result`` or ``failed``) with the exit status the old mains had."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ltx2_tools import door

SRC = Path(__file__).resolve().parents[1] / "src"


def run(argv: list[str], verbs: dict[str, door.Verb] = door.VERBS) -> tuple[int, list[dict]]:
    heard: list[dict] = []
    code = door.dispatch(argv, heard.append, verbs)
    for event in heard:
        json.dumps(event, allow_nan=False)  # every event is what the writer can send
    return code, heard


def terminal(heard: list[dict]) -> dict:
    ends = [e for e in heard if e["type"] in ("result", "failed")]
    assert len(ends) == 1 and heard[-1] is ends[0], heard
    return ends[0]


def test_envcheck_answers_the_report(monkeypatch):
    from ltx2_tools import envcheck

    monkeypatch.setattr(envcheck, "report", lambda: {"python": "3.12.3", "jep": "4.2.2"})
    code, heard = run(["envcheck"])
    assert code == 0
    assert terminal(heard) == {"type": "result", "verb": "envcheck", "exit_code": 0,
                               "value": {"python": "3.12.3", "jep": "4.2.2"}}


def test_media_probe_streams_one_item_per_path_read_from_stdin(monkeypatch):
    from ltx2_tools import media_probe

    monkeypatch.setattr(sys, "stdin", io.StringIO("/a.mp4\n\n/b mp4.mov\n"))
    monkeypatch.setattr(media_probe, "torchaudio_loader", lambda: (lambda p: (2, 10, 16000)))
    monkeypatch.setattr(media_probe, "probe", lambda path, load: media_probe.Probe(path=path, duration=1.5))
    code, heard = run(["media-probe"])
    assert code == 0
    assert [e["value"]["path"] for e in heard if e["type"] == "item"] == ["/a.mp4", "/b mp4.mov"]
    assert heard[0]["value"]["duration"] == 1.5 and heard[0]["value"]["audio"] == []
    assert terminal(heard)["value"] == {"probed": 2}


def test_demo_generates_into_out_and_answers_the_folder(monkeypatch, tmp_path):
    from ltx2_tools.demo import __main__ as demo

    made = []
    monkeypatch.setattr(demo, "generate", lambda out: made.append(out) or out)
    code, heard = run(["demo", "--out", str(tmp_path / "demo")])
    assert code == 0 and made == [tmp_path / "demo"]
    assert heard[0]["type"] == "progress"
    assert terminal(heard)["value"] == {"out": str(tmp_path / "demo")}


def test_checklist_reports_each_verdict_as_progress_and_all_in_the_result(monkeypatch, tmp_path):
    pytest.importorskip("torch", reason="the checklist's items import torch")
    from ltx2_tools.checklist import __main__ as checklist
    from ltx2_tools.checklist.items import Verdict

    def fake_run(args, on_verdict):
        assert (args.fork, args.items, args.gpu) == (tmp_path, "1,3", False)
        verdicts = [Verdict(1, "dataset", "PASS", "checks"), Verdict(3, "audio", "FAIL", "checks", ["why"])]
        for v in verdicts:
            on_verdict(v)
        return verdicts

    monkeypatch.setattr(checklist, "run", fake_run)
    code, heard = run(["checklist", "--fork", str(tmp_path), "--work", str(tmp_path), "--items", "1,3"])
    assert code == 0
    assert [e["message"] for e in heard if e["type"] == "progress"] == ["item 1: PASS dataset", "item 3: FAIL audio"]
    assert [v["status"] for v in terminal(heard)["value"]["verdicts"]] == ["PASS", "FAIL"]


def test_lab_voice_passes_its_arguments_and_exit_status_and_answers_the_configs(monkeypatch):
    from ltx2_tools.lab.voice import __main__ as lab

    seen = []

    def fake_main(argv):
        seen.append((argv, list(sys.argv)))
        print("voice lab: preparing")
        print("/w/runs/D1/fork_s0/config.yaml\n/w/runs/D2/fork_s0/config.yaml")
        return 1

    monkeypatch.setattr(lab, "main", fake_main)
    code, heard = run(["lab-voice", "run", "--fork", "F", "--work", "W", "--configs-only"])
    assert code == 1
    argv = ["run", "--fork", "F", "--work", "W", "--configs-only"]
    assert seen == [(argv, ["ltx2_tools lab-voice", *argv])]  # the lab records its command from sys.argv
    assert [e["line"] for e in heard if e["type"] == "log"] == [
        "voice lab: preparing", "/w/runs/D1/fork_s0/config.yaml", "/w/runs/D2/fork_s0/config.yaml"]
    assert terminal(heard) == {"type": "result", "verb": "lab-voice", "exit_code": 1,
                               "value": {"configs": ["/w/runs/D1/fork_s0/config.yaml",
                                                     "/w/runs/D2/fork_s0/config.yaml"]}}


def test_a_verb_that_raises_ends_in_failed_with_the_traceback_and_exit_1():
    def broken(argv, emit):
        print("half a line", end="")
        raise ValueError("no clips")

    code, heard = run(["broken"], {"broken": door.Verb("broken", "", broken)})
    assert code == door.RAISED == 1
    assert heard[0] == {"type": "log", "line": "half a line"}  # what it printed is not lost
    end = terminal(heard)
    assert end["type"] == "failed" and end["error"] == "ValueError: no clips"
    assert "raise ValueError" in end["traceback"]


def test_an_unknown_verb_is_refused_naming_the_verbs():
    code, heard = run(["nope"])
    assert code == door.BAD_CALL
    end = terminal(heard)
    assert end["type"] == "failed" and "unknown verb 'nope'" in end["error"]
    assert all(name in end["error"] for name in ("envcheck", "media-probe", "demo", "checklist", "lab-voice"))
    assert run([])[1][-1]["error"].startswith("no verb given")


def test_bad_arguments_are_a_failed_event_with_argparses_status(capsys):
    code, heard = run(["demo"])  # --out is required
    assert code == 2
    assert terminal(heard)["type"] == "failed"
    assert "--out" in capsys.readouterr().err  # argparse's usage


def test_the_module_speaks_only_events_on_stdout_even_when_the_tool_prints():
    """The real process: ``print`` and writes to fd 1 leave stdout clean (events only)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    script = ("import os, sys\nfrom ltx2_tools import door\n"
              "def noisy(argv, emit):\n    print('printed')\n    os.write(1, b'raw fd 1\\n')\n"
              "    return door.Outcome(0, {'ok': True})\n"
              "door.VERBS['noisy'] = door.Verb('noisy', '', noisy)\nsys.exit(door.main(['noisy']))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == [
        {"type": "log", "line": "printed"}, {"type": "result", "verb": "noisy", "exit_code": 0, "value": {"ok": True}}]
    assert "raw fd 1" in done.stderr
    unknown = subprocess.run([sys.executable, "-m", "ltx2_tools", "nope"], capture_output=True, text=True, env=env)
    assert unknown.returncode == 2 and json.loads(unknown.stdout)["type"] == "failed"
