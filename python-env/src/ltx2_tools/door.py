"""The one door from the orchestrator to the tooling: ``python -m ltx2_tools VERB [ARGS]``.

Every verb speaks the training bridge's protocol (``ltx2_character.bridge.events``, the same
writer): one JSON object a line on stdout, ending with exactly one terminal event,

    {"type": "progress", "message": …}                 for the user, while it runs
    {"type": "log", "line": …}                         a line the tool printed
    {"type": "item", "value": {…}}                     one streamed piece of the answer (a probe)
    {"type": "result", "verb": …, "exit_code": N, "value": …}   the verb's typed answer
    {"type": "failed", "error": …, "traceback": …}     the verb raised, or the call was wrong

so Java reads every tool with one reader (``pyenv/ToolDoor``). As in the subprocess runner, file
descriptor 1 is moved to stderr before a verb runs: what native code or a child process writes
cannot corrupt the stream, and ``print`` becomes ``log`` events. The exit status is the verb's
(0, or what its module main returned); 1 when it raised, 2 for an unknown verb or bad arguments.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ltx2_character.bridge import events

Emit = Callable[[dict], None]

BAD_CALL = 2  # argparse's status for bad arguments; an unknown verb is one too
RAISED = 1  # what Python exits with on an uncaught exception, as the module mains did


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    value: Any  # JSON-able


@dataclass(frozen=True)
class Verb:
    name: str
    summary: str
    run: Callable[[list[str], Emit], Outcome]


def progress(message: str) -> dict:
    return {"type": "progress", "message": message}


def log(line: str) -> dict:
    return {"type": "log", "line": line}


def item(value: Any) -> dict:
    return {"type": "item", "value": value}


def result(verb: str, exit_code: int, value: Any) -> dict:
    return {"type": "result", "verb": verb, "exit_code": exit_code, "value": value}


def refused(error: str) -> dict:
    """A call that never reached its verb: the bridge's ``failed`` shape, without a traceback."""
    return {"type": "failed", "error": error, "traceback": ""}


# --- the verbs: each parses its arguments and calls the module that does the work ---------------

def _envcheck(argv: list[str], emit: Emit) -> Outcome:
    argparse.ArgumentParser(prog="ltx2_tools envcheck").parse_args(argv)
    from ltx2_tools import envcheck

    return Outcome(0, envcheck.report())


def _media_probe(argv: list[str], emit: Emit) -> Outcome:
    """Paths on stdin, one a line; each probe is an ``item`` as soon as it is made, so a crash on
    one file keeps the answers before it (the caller names the files left unprobed)."""
    argparse.ArgumentParser(prog="ltx2_tools media-probe").parse_args(argv)
    from ltx2_tools import media_probe

    paths = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    load_audio = media_probe.torchaudio_loader() if paths else (lambda p: (0, 0, 0))
    for path in paths:
        emit(item(asdict(media_probe.probe(path, load_audio))))
    return Outcome(0, {"probed": len(paths)})


def _demo(argv: list[str], emit: Emit) -> Outcome:
    from ltx2_tools.demo import __main__ as demo

    out = demo.parser().parse_args(argv).out
    emit(progress("building the tiny models, then the dataset"))
    return Outcome(0, {"out": str(demo.generate(out))})


def _checklist(argv: list[str], emit: Emit) -> Outcome:
    from ltx2_tools.checklist import __main__ as checklist

    def heard(v) -> None:
        emit(progress(f"item {v.number}: {v.status} {v.title}"))

    verdicts = checklist.run(checklist.parser().parse_args(argv), heard)
    return Outcome(0, {"verdicts": [asdict(v) for v in verdicts]})


def _lab_voice(argv: list[str], emit: Emit) -> Outcome:
    """The lab prints its answers (``--configs-only``: one config path a line); they arrive here as
    ``log`` events, and the config paths are also the result's ``configs``."""
    from ltx2_tools.lab.voice import __main__ as lab

    printed: list[str] = []

    def keep(event: dict) -> None:
        if event.get("type") == "log":
            printed.append(event["line"])
        emit(event)

    with _printing_to(keep):
        code = lab.main(argv)
    configs = [line for line in printed if line.endswith(".yaml")] if "--configs-only" in argv else []
    return Outcome(code, {"configs": configs})


VERBS: dict[str, Verb] = {v.name: v for v in (
    Verb("envcheck", "the versions the trainer depends on (env check)", _envcheck),
    Verb("media-probe", "probe clips as the trainer reads them; paths on stdin (dataset check)", _media_probe),
    Verb("demo", "--out DIR: the tiny LTX-2 models and the demo dataset", _demo),
    Verb("checklist", "--fork DIR --work DIR [--gpu] [--items N,N]: the SOP's section 8", _checklist),
    Verb("lab-voice", "run|base …: the voice lab (docs/voice-lab.md)", _lab_voice),
)}


# --- the protocol --------------------------------------------------------------------------------

class _LogLines(io.TextIOBase):
    """``sys.stdout`` while a verb runs: each complete printed line becomes one ``log`` event."""

    def __init__(self, emit: Emit) -> None:
        self._emit = emit
        self._pending = ""
        self._lock = threading.Lock()  # the lab prints from a thread pool's caller and its workers

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        # Whoever writes to the descriptor itself (a child given sys.stdout) writes where fd 1
        # now leads: stderr, outside the event stream.
        return 2

    def write(self, text: str) -> int:
        with self._lock:
            *lines, self._pending = (self._pending + text).split("\n")
        for line in lines:
            self._emit(log(line))
        return len(text)

    def flush(self) -> None:
        with self._lock:
            rest, self._pending = self._pending, ""
        if rest:
            self._emit(log(rest))


class _printing_to:
    """``print`` inside the block becomes events for ``emit`` (then the previous stdout again)."""

    def __init__(self, emit: Emit) -> None:
        self._lines = _LogLines(emit)

    def __enter__(self) -> None:
        self._saved = sys.stdout
        sys.stdout = self._lines

    def __exit__(self, *exc: object) -> None:
        self._lines.flush()
        sys.stdout = self._saved


def dispatch(argv: Sequence[str], emit: Emit, verbs: dict[str, Verb] = VERBS) -> int:
    """Run the verb ``argv[0]`` with the rest; exactly one terminal event is emitted."""
    if not argv or argv[0] not in verbs:
        asked = f"unknown verb {argv[0]!r}" if argv else "no verb given"
        emit(refused(f"{asked}; the verbs: {', '.join(verbs)}"))
        return BAD_CALL
    verb, args = verbs[argv[0]], list(argv[1:])
    saved_argv = sys.argv
    # The module mains record their command from sys.argv (the lab's results.json): the door's
    # call reads as the verb's own.
    sys.argv = [f"ltx2_tools {verb.name}", *args]
    try:
        with _printing_to(emit):
            outcome = verb.run(args, emit)
    except SystemExit as stop:  # argparse: bad arguments (its usage is on stderr), or --help
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else BAD_CALL)
        emit(result(verb.name, 0, None) if code == 0
             else refused(f"{verb.name}: bad arguments {args} (usage on stderr)"))
        return code
    except Exception as exc:  # noqa: BLE001 - every failure of a verb is reported, with its traceback
        emit(events.failed(exc))
        return RAISED
    finally:
        sys.argv = saved_argv
    emit(result(verb.name, outcome.exit_code, outcome.value))
    return outcome.exit_code


def main(argv: Sequence[str] | None = None) -> int:
    # As subprocess_main does: the events get a duplicate of the real stdout, and fd 1 becomes
    # stderr for everything else.
    events_out = os.fdopen(os.dup(1), "w", buffering=1, encoding="utf-8")
    os.dup2(2, 1)
    sink = events.LineSink(events_out)
    return dispatch(sys.argv[1:] if argv is None else argv, lambda event: sink.accept(events.encode(event)))
