"""Print one table of every test suite's results, with the reason of each skip and failure."""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path


def reports(args: list[str]) -> list[Path]:
    files: list[Path] = []
    for arg in args:
        p = Path(arg)
        files += sorted(p.glob("TEST-*.xml")) if p.is_dir() else [p] if p.is_file() else []
    return files


def suite_name(path: Path) -> str:
    if path.name == "python.xml":
        return "python (pytest)"
    if path.name == "ui.xml":
        return "web UI (browser)"
    if path.name == "fork-verify.xml":
        return "fork verify (SOP A-Z)"
    if path.name == "checklist.xml":
        return "checklist (SOP section 8)"
    kind = "integration" if path.parent.name == "failsafe-reports" else "unit"
    return f"{path.parent.parent.parent.name} ({kind})"


def first_line(element: ET.Element) -> str:
    """The message of a <skipped>/<failure>/<error>, else the first line of its text."""
    text = (element.text or "").strip().splitlines()
    return (element.get("message") or (text[0] if text else "no reason given")).strip().splitlines()[0]


# Python prints a chain innermost first, each link followed by one of these lines.
_PYTHON_CHAIN = re.compile(r"\n\s*(?:The above exception was the direct cause of the following exception:"
                           r"|During handling of the above exception, another exception occurred:)\s*\n")


def root_cause(element: ET.Element) -> str | None:
    """The innermost exception of a <failure>/<error>'s trace, or None when it has no chain.

    A wrapper's message rarely says what went wrong ("Can't get Docker image: ..."); the
    innermost cause does ("UnknownHostException: registry-1.docker.io"). Java traces end their
    chain with the last unindented "Caused by:" (indented ones belong to suppressed
    exceptions); Python traces start with it, before the first "direct cause" line.
    """
    text = element.text or ""
    causes = [line for line in text.splitlines() if line.startswith("Caused by: ")]
    if causes:
        return causes[-1].removeprefix("Caused by: ").strip()
    sections = _PYTHON_CHAIN.split(text)
    if len(sections) > 1:
        innermost = sections[0].strip().splitlines()
        errors = [line[1:].strip() for line in innermost if line.startswith("E ")]
        return errors[0] if errors else (innermost[-1].strip() if innermost else None)
    return None


def failure_line(element: ET.Element) -> str:
    """The root cause first, then the outermost message when it adds something."""
    outer = first_line(element)
    root = root_cause(element)
    if root is None or root in outer:
        return outer
    return f"{root} (reported as: {outer[:100] + '...' if len(outer) > 100 else outer})"


def main(argv: list[str]) -> int:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    skips: list[str] = []
    failures: list[str] = []
    for path in reports(argv):
        for case in ET.parse(path).getroot().iter("testcase"):
            suite = suite_name(path)
            failed = case.find("failure")
            if failed is None:
                failed = case.find("error")
            if failed is not None:
                counts[suite]["failed"] += 1
                failures.append(f"  {suite}: {case.get('classname')}.{case.get('name')}: {failure_line(failed)}")
            elif (skipped := case.find("skipped")) is not None:
                counts[suite]["skipped"] += 1
                skips.append(f"  {suite}: {case.get('classname')}.{case.get('name')}: {first_line(skipped)}")
            else:
                counts[suite]["passed"] += 1
    print("\nsuite                              passed  failed  skipped")
    for suite in sorted(counts):
        c = counts[suite]
        print(f"{suite:<34} {c['passed']:>6}  {c['failed']:>6}  {c['skipped']:>7}")
    if failures:
        print("\nfailed (the report of each suite has the full output):")
        print("\n".join(failures))
    if skips:
        print("\nskipped (never counted as passed):")
        print("\n".join(sorted(set(skips))))
    return 1 if any(c["failed"] for c in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
