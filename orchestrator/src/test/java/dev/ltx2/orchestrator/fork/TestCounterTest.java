package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counts of fork verify's progress line, from pytest -v's own lines. */
class TestCounterTest {

    @Test
    void countsEachFinishedTestAgainstTheCollectedTotal() {
        TestCounter c = new TestCounter();
        assertThat(c.accept("============================= test session starts ==============================")).isEmpty();
        assertThat(c.accept("collecting ... collected 3 items")).contains("0/3 tests");
        assertThat(c.accept("tests/fork/test_a.py::test_x[ltx2] PASSED                                  [ 33%]"))
                .contains("1/3 tests: 1 passed (tests/fork/test_a.py)");
        assertThat(c.accept("tests/fork/test_a.py::test_y FAILED                                        [ 66%]"))
                .contains("2/3 tests: 1 passed, 1 failed (tests/fork/test_a.py)");
        assertThat(c.accept("tests/fork/test_b.py::test_z[ltx2.3 - 17 frames] SKIPPED (no CUDA)      [100%]"))
                .contains("3/3 tests: 1 passed, 1 failed, 1 skipped (tests/fork/test_b.py)");
    }

    @Test
    void theTotalIsWhatWasSelected() {
        assertThat(new TestCounter().accept("collecting ... collected 9 items / 2 deselected / 7 selected")).contains("0/7 tests");
    }

    @Test
    void otherLinesAreNotTests() {
        TestCounter c = new TestCounter();
        assertThat(c.accept("FAILED tests/fork/test_a.py::test_y - AssertionError: boom")).isEmpty();
        assertThat(c.accept("E       AssertionError: PASSED")).isEmpty();
        assertThat(c.accept("tests/fork/test_a.py::test_x PASSED")).contains("1/? tests: 1 passed (tests/fork/test_a.py)");
    }
}
