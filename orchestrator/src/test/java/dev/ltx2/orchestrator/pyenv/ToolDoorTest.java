package dev.ltx2.orchestrator.pyenv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.ExitCode;
import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The door's reader on fake output of {@code python -m ltx2_tools VERB} (ltx2_tools/door.py's protocol). */
class ToolDoorTest {
    @TempDir Path dir;

    private static Result<ToolResult> read(List<ToolEvent> heard, int exitCode, String stderr, String... lines) {
        ToolEvents reader = new ToolEvents("demo", heard::add);
        for (String line : lines) {
            reader.accept(line);
        }
        return reader.outcome(exitCode, stderr);
    }

    @Test
    void eventsReachTheListenerInOrderAndTheResultIsTheAnswer() {
        List<ToolEvent> heard = new ArrayList<>();
        Result<ToolResult> r = read(heard, 0, "a warning\n",
                "{\"type\":\"progress\",\"message\":\"writing\"}", "",
                "{\"type\":\"log\",\"line\":\"demo assets in /d\"}",
                "{\"type\":\"item\",\"value\":{\"path\":\"/a.mp4\"}}",
                "{\"type\":\"result\",\"verb\":\"demo\",\"exit_code\":0,\"value\":{\"out\":\"/d\"}}");
        assertThat(heard).hasSize(4);
        assertThat(heard.get(0)).isEqualTo(new ToolEvent.Progress("writing"));
        assertThat(heard.get(1)).isEqualTo(new ToolEvent.Log("demo assets in /d"));
        assertThat(((ToolEvent.Item) heard.get(2)).value().path("path").asText()).isEqualTo("/a.mp4");
        ToolResult done = ((Result.Ok<ToolResult>) r).value();
        assertThat(done.verb()).isEqualTo("demo");
        assertThat(done.ok()).isTrue();
        assertThat(done.value().path("out").asText()).isEqualTo("/d");
        assertThat(done.stderr()).isEqualTo("a warning\n");
    }

    @Test
    void aResultKeepsTheVerbsOwnExitStatus() {
        Result<ToolResult> r = read(new ArrayList<>(), 1, "",
                "{\"type\":\"result\",\"verb\":\"lab-voice\",\"exit_code\":1,\"value\":{\"configs\":[]}}");
        assertThat(((Result.Ok<ToolResult>) r).value().exitCode()).isEqualTo(1);
    }

    @Test
    void aFailedEventIsAFailureWithTheErrorAndTheTracebacksEnd() {
        Failure f = ((Result.Err<ToolResult>) read(new ArrayList<>(), 1, "noise",
                "{\"type\":\"failed\",\"error\":\"ValueError: no clips\",\"traceback\":\"Traceback\\n  raise ValueError\"}"))
                .failure();
        assertThat(f.message()).isEqualTo("python -m ltx2_tools demo failed: ValueError: no clips");
        assertThat(f.detail()).contains("Traceback\n  raise ValueError");
        assertThat(f.exitCode()).isEqualTo(ExitCode.ENVIRONMENT_ERROR);
        Failure explained = ToolDoor.explained(f, "generating the demo assets failed", "install ffmpeg");
        assertThat(explained.message()).isEqualTo("generating the demo assets failed");
        assertThat(explained.fix()).contains("install ffmpeg");
        assertThat(explained.detail().orElseThrow()).startsWith("python -m ltx2_tools demo failed: ValueError: no clips\nTraceback");
    }

    @Test
    void aRefusedCallWithoutTracebackShowsStderr() {
        Failure f = ((Result.Err<ToolResult>) read(new ArrayList<>(), 2, "usage: ltx2_tools demo --out OUT",
                "{\"type\":\"failed\",\"error\":\"demo: bad arguments []\",\"traceback\":\"\"}")).failure();
        assertThat(f.detail()).contains("usage: ltx2_tools demo --out OUT");
    }

    @Test
    void aProcessThatDiesWithoutAnswerIsAFailureNamingTheSignalAndStderr() {
        List<ToolEvent> heard = new ArrayList<>();
        Failure f = ((Result.Err<ToolResult>) read(heard, 137, "line 1\nKilled",
                "{\"type\":\"item\",\"value\":{\"path\":\"/a.mp4\"}}")).failure();
        assertThat(heard).hasSize(1); // the items before the death are kept
        assertThat(f.message()).isEqualTo("python -m ltx2_tools demo ended with exit code 137 (signal 9) before answering");
        assertThat(f.detail()).contains("line 1\nKilled");
        Failure interrupted = ((Result.Err<ToolResult>) read(new ArrayList<>(), 130, "KeyboardInterrupt")).failure();
        assertThat(interrupted.exitCode()).isEqualTo(ExitCode.INTERRUPTED);
    }

    @Test
    void aLineThatIsNoEventIsAFailureAndTheFirstAnswerStands() {
        Failure f = ((Result.Err<ToolResult>) read(new ArrayList<>(), 0, "", "demo assets in /d",
                "{\"type\":\"result\",\"verb\":\"demo\",\"exit_code\":0,\"value\":{}}")).failure();
        assertThat(f.message()).contains("unreadable event from the tool: demo assets in /d");
        Failure unknown = ((Result.Err<ToolResult>) read(new ArrayList<>(), 0, "", "{\"type\":\"step\"}")).failure();
        assertThat(unknown.message()).contains("unknown event from the tool");
    }

    @Test
    void theDoorStartsTheModuleWithTheVerbFeedsStdinAndReadsTheStream() throws Exception {
        // A python that answers as the door does: its arguments as a log line, one item per stdin line.
        Path python = Files.createDirectories(dir.resolve("venv/bin")).resolve("python");
        Files.writeString(python, """
                #!/bin/sh
                echo "{\\"type\\":\\"log\\",\\"line\\":\\"$*\\"}"
                n=0
                while read -r path; do
                  echo "{\\"type\\":\\"item\\",\\"value\\":{\\"path\\":\\"$path\\"}}"; n=$((n+1))
                done
                echo "to stderr" >&2
                echo "{\\"type\\":\\"result\\",\\"verb\\":\\"$3\\",\\"exit_code\\":0,\\"value\\":{\\"probed\\":$n}}"
                """);
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        ToolDoor door = new ToolDoor(new PythonEnv(dir.resolve("venv"), dir.resolve("src"), dir.resolve("fork")));
        List<ToolEvent> heard = new ArrayList<>();
        Result<ToolResult> r = door.call("media-probe", List.of("--x"), "/a.mp4\n/b.mp4\n", heard::add);
        assertThat(heard.get(0)).isEqualTo(new ToolEvent.Log("-m ltx2_tools media-probe --x"));
        assertThat(heard.stream().filter(e -> e instanceof ToolEvent.Item).count()).isEqualTo(2);
        ToolResult done = ((Result.Ok<ToolResult>) r).value();
        assertThat(done.value().path("probed").asInt()).isEqualTo(2);
        assertThat(done.stderr()).isEqualTo("to stderr\n");
        assertThat(ToolDoor.command(Path.of("py"), "envcheck", List.of())).containsExactly("py", "-m", "ltx2_tools", "envcheck");
    }
}
