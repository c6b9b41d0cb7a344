from __future__ import annotations

from types import SimpleNamespace

from ltx2_character.bridge.launch import rank_failed_events


def test_the_first_rank_to_fail_comes_first():
    failures = {0: SimpleNamespace(exitcode=-15, timestamp=20), 1: SimpleNamespace(exitcode=-9, timestamp=10)}
    assert rank_failed_events(failures) == [
        {"type": "rank_failed", "rank": 1, "exit_code": -9},
        {"type": "rank_failed", "rank": 0, "exit_code": -15},
    ]


def test_the_stop_file_sets_the_stop_flag(tmp_path):
    import signal

    from ltx2_character.bridge.subprocess_main import SignalStopFlag

    handlers = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        flag = SignalStopFlag(str(tmp_path / "stop"))
        assert not flag.get()
        (tmp_path / "stop").write_text("stop\n")
        assert flag.get()
    finally:
        signal.signal(signal.SIGINT, handlers[0])
        signal.signal(signal.SIGTERM, handlers[1])
