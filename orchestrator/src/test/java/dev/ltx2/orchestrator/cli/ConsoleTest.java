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
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), false);
        console.line("installing");
        console.status("installing: 10s");
        console.status("installing: 20s");
        console.info("done");
        assertThat(err.toString()).isEqualTo("» installing\n» installing: 10s\n» installing: 20s\n");
        assertThat(err.toString() + out).doesNotContain("\r").doesNotContain("\u001b");
    }

    @Test
    void onATerminalAStatusRewritesOneLineAndTheNextLineClearsIt() {
        Console console = new Console(new PrintWriter(out), new PrintWriter(err), true);
        console.status("installing: 1s");
        console.status("installing: 2s");
        console.line("installing: took 2s");
        assertThat(err.toString()).isEqualTo("\r\u001b[K» installing: 1s\r\u001b[K» installing: 2s\r\u001b[K» installing: took 2s\n");
    }
}
