package dev.ltx2.orchestrator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** An internal error is reported by what went wrong, the innermost cause. */
class FailureTest {

    @Test
    void theRootCauseIsTheInnermostException() {
        UnknownHostException host = new UnknownHostException("registry-1.docker.io");
        Exception wrapped = new IllegalStateException("Can't get Docker image", new UncheckedIOException(new IOException("pull failed", host)));
        assertThat(Failure.rootCause(wrapped)).isSameAs(host);
    }

    @Test
    void anExceptionWithoutCauseIsItsOwnRoot() {
        Exception alone = new IllegalArgumentException("x");
        assertThat(Failure.rootCause(alone)).isSameAs(alone);
    }
}
