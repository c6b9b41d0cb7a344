package dev.ltx2.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Progress is plain text in logs and one rewritten line on a terminal. */
class ConsoleTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void inALogEveryStatusIsAPlainLineWithoutControlCharacters() {
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), false, 80);
        console.line("installing");
        console.status("installing: 10s");
        console.status("installing: 20s");
        console.info("done");
        assertThat(err.toString()).isEqualTo("» installing\n» installing: 10s\n» installing: 20s\n");
        assertThat(err.toString() + out).doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void onATerminalAStatusRewritesOneLineAndTheNextLineClearsIt() {
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), true, 80);
        console.status("installing: 1s");
        console.status("installing: 2s");
        console.line("installing: took 2s");
        assertThat(err.toString()).isEqualTo("\r\u001b[K» installing: 1s\r\u001b[K» installing: 2s\r\u001b[K» installing: took 2s\n");
    }

    @Test
    void aLiveLineNeverWrapsSoItCanBeRewritten() {
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), true, 30);
        console.status("running 47 test selections: 12/143 tests: 11 passed, 1 failed, 2m10s");
        assertThat(err.toString()).isEqualTo("\r\u001b[K» running 47 test selections…");
        assertThat(err.toString().length() - "\r\u001b[K".length()).isEqualTo(29);
    }
}
