"""bin/test-summary.py: a failure's line names the root cause, not the outermost wrapper."""
from __future__ import annotations

import importlib.util
import textwrap
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "bin" / "test-summary.py"


@pytest.fixture(scope="module")
def summary():
    spec = importlib.util.spec_from_file_location("test_summary", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


JAVA_TRACE = """\
org.testcontainers.containers.ContainerFetchException: Can't get Docker image: RemoteDockerImage(imageName=ltx2:test, imagePullPolicy=DefaultPullPolicy())
\tat org.testcontainers.containers.GenericContainer.getDockerImageName(GenericContainer.java:1371)
\tat dev.ltx2.it.DockerImageIT.forkVerifyPasses(DockerImageIT.java:40)
\tSuppressed: java.lang.IllegalStateException: cleanup failed
\t\tat org.testcontainers.Foo.close(Foo.java:1)
\tCaused by: java.io.IOException: suppressed cause, not the chain
Caused by: com.github.dockerjava.api.exception.DockerClientException: Could not pull image
\tat com.github.dockerjava.core.Pull.exec(Pull.java:9)
\t... 12 more
Caused by: java.net.UnknownHostException: registry-1.docker.io: Name or service not known
\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)
\t... 20 more
"""

PYTHON_TRACE = """\
def test_load():
>       load_model(path)

tests/fork/test_x.py:10:
_ _ _ _ _
E   FileNotFoundError: [Errno 2] No such file or directory: '/cache/tiny-ltx2/config.json'

src/loader.py:5: FileNotFoundError

The above exception was the direct cause of the following exception:

    def test_load():
>       raise RuntimeError("model could not be loaded") from e
E       RuntimeError: model could not be loaded

tests/fork/test_x.py:12: RuntimeError
"""


def write_report(tmp_path: Path, body: str) -> Path:
    report = tmp_path / "TEST-x.xml"
    report.write_text(textwrap.dedent(body), encoding="utf-8")
    return report


def test_a_java_chain_is_summarised_by_its_innermost_cause(summary, tmp_path, capsys):
    from xml.sax.saxutils import escape, quoteattr
    report = write_report(tmp_path, f"""\
        <testsuite name="dev.ltx2.it.DockerImageIT">
          <testcase classname="dev.ltx2.it.DockerImageIT" name="forkVerifyPasses">
            <error message={quoteattr("Can't get Docker image: RemoteDockerImage(imageName=ltx2:test, imagePullPolicy=DefaultPullPolicy())")}
                   type="org.testcontainers.containers.ContainerFetchException">{escape(JAVA_TRACE)}</error>
          </testcase>
        </testsuite>
        """)
    assert summary.main([str(report)]) == 1
    out = capsys.readouterr().out
    failure = next(line for line in out.splitlines() if "forkVerifyPasses" in line)
    assert failure.split("forkVerifyPasses: ")[1].startswith(
        "java.net.UnknownHostException: registry-1.docker.io: Name or service not known (reported as: Can't get Docker image")


def test_a_python_chain_is_summarised_by_its_innermost_cause(summary, tmp_path, capsys):
    from xml.sax.saxutils import escape
    report = write_report(tmp_path, f"""\
        <testsuite name="pytest">
          <testcase classname="tests.fork.test_x" name="test_load">
            <failure message="RuntimeError: model could not be loaded">{escape(PYTHON_TRACE)}</failure>
          </testcase>
        </testsuite>
        """)
    summary.main([str(report)])
    out = capsys.readouterr().out
    assert ("tests.fork.test_x.test_load: FileNotFoundError: [Errno 2] No such file or directory: "
            "'/cache/tiny-ltx2/config.json' (reported as: RuntimeError: model could not be loaded)") in out


def test_a_failure_without_a_chain_keeps_its_message(summary, tmp_path, capsys):
    report = write_report(tmp_path, """\
        <testsuite name="pytest">
          <testcase classname="tests.a" name="test_b">
            <failure message="AssertionError: 2 != 3">E   AssertionError: 2 != 3</failure>
          </testcase>
        </testsuite>
        """)
    summary.main([str(report)])
    assert "tests.a.test_b: AssertionError: 2 != 3\n" in capsys.readouterr().out
