package dev.ltx2.orchestrator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure's line names the root cause, not the outermost wrapper; skips keep their reason. */
class TestSummaryTest {
    @TempDir Path dir;

    static final String JAVA_TRACE = """
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
            """;

    static final String PYTHON_TRACE = """
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
            """;

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Path report(String body) throws Exception {
        Path report = dir.resolve("TEST-x.xml");
        Files.writeString(report, body);
        return report;
    }

    TestSummary summarise(Path... paths) throws Exception {
        return TestSummary.of(TestReports.read(List.of(paths)));
    }

    @Test
    void aJavaChainIsSummarisedByItsInnermostCause() throws Exception {
        Path report = report("""
                <testsuite name="dev.ltx2.it.DockerImageIT">
                  <testcase classname="dev.ltx2.it.DockerImageIT" name="forkVerifyPasses">
                    <error message="%s"
                           type="org.testcontainers.containers.ContainerFetchException">%s</error>
                  </testcase>
                </testsuite>
                """.formatted(escape("Can't get Docker image: RemoteDockerImage(imageName=ltx2:test, imagePullPolicy=DefaultPullPolicy())"),
                escape(JAVA_TRACE)));
        TestSummary summary = summarise(report);
        assertThat(summary.failed()).isTrue();
        String failure = summary.text().lines().filter(l -> l.contains("forkVerifyPasses")).findFirst().orElseThrow();
        assertThat(failure.split("forkVerifyPasses: ")[1]).startsWith(
                "java.net.UnknownHostException: registry-1.docker.io: Name or service not known (reported as: Can't get Docker image");
    }

    @Test
    void aPythonChainIsSummarisedByItsInnermostCause() throws Exception {
        Path report = report("""
                <testsuite name="pytest">
                  <testcase classname="tests.fork.test_x" name="test_load">
                    <failure message="RuntimeError: model could not be loaded">%s</failure>
                  </testcase>
                </testsuite>
                """.formatted(escape(PYTHON_TRACE)));
        assertThat(summarise(report).text()).contains("tests.fork.test_x.test_load: FileNotFoundError: [Errno 2] No such file or directory: "
                + "'/cache/tiny-ltx2/config.json' (reported as: RuntimeError: model could not be loaded)");
    }

    @Test
    void aFailureWithoutAChainKeepsItsMessage() throws Exception {
        Path report = report("""
                <testsuite name="pytest">
                  <testcase classname="tests.a" name="test_b">
                    <failure message="AssertionError: 2 != 3">E   AssertionError: 2 != 3</failure>
                  </testcase>
                </testsuite>
                """);
        assertThat(summarise(report).text()).contains("tests.a.test_b: AssertionError: 2 != 3\n");
    }

    @Test
    void theTableCountsEverySuiteAndListsSkipsOnceWithTheirReason() throws Exception {
        Path surefire = Files.createDirectories(dir.resolve("orchestrator/target/surefire-reports"));
        Files.writeString(surefire.resolve("TEST-a.A.xml"), """
                <testsuite name="a.A">
                  <testcase classname="a.A" name="one"/>
                  <testcase classname="a.A" name="two"><skipped message="needs the fork"/></testcase>
                  <testcase classname="a.A" name="two"><skipped message="needs the fork"/></testcase>
                </testsuite>
                """);
        Files.writeString(surefire.resolve("not-a-report.xml"), "<nope/>");
        Path ui = dir.resolve("ui.xml");
        Files.writeString(ui, """
                <testsuite name="ui"><testcase classname="ui" name="suite"><skipped>no Chromium
                second line</skipped></testcase></testsuite>
                """);
        TestSummary summary = summarise(surefire, ui, dir.resolve("integration-tests/target/failsafe-reports"));
        assertThat(summary.suites()).containsExactly(
                new TestSummary.Row("orchestrator (unit)", 1, 0, 2), new TestSummary.Row("web UI (browser)", 0, 0, 1));
        assertThat(summary.failed()).isFalse();
        assertThat(summary.text()).isEqualTo("""

                suite                              passed  failed  skipped
                orchestrator (unit)                     1       0        2
                web UI (browser)                        0       0        1

                skipped (never counted as passed):
                  orchestrator (unit): a.A.two: needs the fork
                  web UI (browser): ui.suite: no Chromium
                """);
    }

    @Test
    void suitesAreNamedAsBinTestNamesThem() {
        assertThat(TestReports.suiteName(Path.of("target/test-reports/python.xml"))).isEqualTo("python (pytest)");
        assertThat(TestReports.suiteName(Path.of("target/test-reports/fork-verify.xml"))).isEqualTo("fork verify (SOP A-Z)");
        assertThat(TestReports.suiteName(Path.of("target/test-reports/checklist.xml"))).isEqualTo("checklist (SOP section 8)");
        assertThat(TestReports.suiteName(Path.of("repo/integration-tests/target/failsafe-reports/TEST-x.xml")))
                .isEqualTo("integration-tests (integration)");
    }

    @Test
    void aReportThatCannotBeReadIsAFailureNotAGap() throws Exception {
        Path broken = report("<testsuite><testcase name=\"cut off");
        Path doctype = dir.resolve("checklist.xml");
        Files.writeString(doctype, """
                <?xml version="1.0"?>
                <!DOCTYPE testsuite [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
                <testsuite><testcase classname="c" name="n"><skipped message="&secret;"/></testcase></testsuite>
                """);
        TestSummary summary = summarise(broken, doctype);
        assertThat(summary.failed()).isTrue();
        assertThat(summary.failures()).hasSize(2).allSatisfy(f -> assertThat(f).contains("not a readable JUnit XML report"));
        assertThat(summary.failures().get(1)).contains("DOCTYPE");
    }
}
