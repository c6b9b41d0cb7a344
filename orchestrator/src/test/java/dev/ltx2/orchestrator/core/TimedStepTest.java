package dev.ltx2.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A long step is never silent: its stage, every detail with the elapsed time, a heartbeat, the total. */
class TimedStepTest {

    /** A Progress that records what it was told, as a log (not a terminal) would get it. */
    static final class Recorder implements Progress {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<String> statuses = new CopyOnWriteArrayList<>();

        @Override
        public void line(String message) {
            lines.add(message);
        }

        @Override
        public void status(String message) {
            statuses.add(message);
        }
    }

    @Test
    void detailsAreShownAtOnceWithTheElapsedTimeAndTheEndSaysHowLongItTook() {
        Recorder r = new Recorder();
        try (TimedStep step = TimedStep.start(r, "running tests", "about 10 min")) {
            step.update("1/2 tests: 1 passed");
            step.update("2/2 tests: 2 passed");
        }
        assertThat(r.lines).containsExactly("running tests (about 10 min)", "running tests: 2/2 tests: 2 passed, took 0s");
        assertThat(r.statuses).containsExactly("running tests: 1/2 tests: 1 passed, 0s", "running tests: 2/2 tests: 2 passed, 0s");
    }

    @Test
    void aQuietStepStillReportsEveryInterval() throws InterruptedException {
        Recorder r = new Recorder();
        try (TimedStep step = TimedStep.start(r, "installing", Duration.ofMillis(100))) {
            Thread.sleep(550);
        }
        assertThat(r.statuses).hasSizeBetween(3, 6).allMatch(s -> s.matches("installing: \\d+s"));
        assertThat(r.lines).last().asString().startsWith("installing: took ");
    }

    @Test
    void nothingIsReportedAfterTheStepEnds() throws InterruptedException {
        Recorder r = new Recorder();
        TimedStep step = TimedStep.start(r, "x", Duration.ofMillis(50));
        step.close();
        int seen = r.statuses.size();
        Thread.sleep(200);
        step.update("late");
        assertThat(r.statuses).hasSize(seen);
    }

    @Test
    void durationsReadAsMinutesAndSeconds() {
        assertThat(TimedStep.format(Duration.ofSeconds(7))).isEqualTo("7s");
        assertThat(TimedStep.format(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(TimedStep.format(Duration.ofMinutes(62))).isEqualTo("1h02m");
    }
}
