import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ltx2_tools.bench.python_build import libpython_in_maps, running_libpython

SHARED = """\
55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1 /usr/bin/java
7f6da1a00000-7f6da1b00000 r--p 00000000 08:01 2 /usr/lib/x86_64-linux-gnu/libpython3.12.so.1.0
7f6da1b00000-7f6da1c00000 r-xp 00100000 08:01 2 /usr/lib/x86_64-linux-gnu/libpython3.12.so.1.0
"""
STATIC = """\
55d0c0a00000-55d0c0a01000 r--p 00000000 08:01 1 /usr/bin/python3.12
7f6da1a00000-7f6da1b00000 r--p 00000000 08:01 3 /usr/lib/python3.12/lib-dynload/_json.cpython-312-x86_64-linux-gnu.so
7f6da1c00000-7f6da1d00000 rw-p 00000000 00:00 0
"""


def test_finds_the_shared_libpython_of_an_embedding_process():
    assert libpython_in_maps(SHARED) == "/usr/lib/x86_64-linux-gnu/libpython3.12.so.1.0"


def test_a_static_executable_maps_no_libpython():
    assert libpython_in_maps(STATIC) is None


def test_this_process_reports_the_libpython_its_executable_links():
    """Ground truth from the dynamic linker: a python linked against libpython maps it; one
    without (a static build) maps none."""
    if not Path("/proc/self/maps").exists():
        pytest.skip("needs Linux's /proc/self/maps")
    ldd = subprocess.run(["ldd", sys.executable], capture_output=True, text=True)
    linked = re.search(r"libpython3[\d.]*\.so[\d.]* => (\S+)", ldd.stdout)
    if linked:
        assert os.path.realpath(running_libpython()) == os.path.realpath(linked.group(1))
    else:
        assert running_libpython() == "static"
