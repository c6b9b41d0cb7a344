package dev.ltx2.orchestrator.dataset;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ltx2.orchestrator.core.Layout;
import dev.ltx2.orchestrator.core.Workspace;
import dev.ltx2.orchestrator.pyenv.PythonEnv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real clips made at test time with Debian's ffmpeg (tests are skipped, with the reason, without it). */
public final class MediaFixtures {
    private MediaFixtures() {}

    public static void assumeFfmpeg() {
        assumeTrue(runs("ffmpeg"), "needs ffmpeg (Debian package ffmpeg) to make test clips");
    }

    /** The trainer's venv (the default cache), which dataset check probes with. */
    public static PythonEnv assumeVenv() {
        PythonEnv env = new Workspace(Layout.resolve(null), message -> { }).pythonEnv();
        assumeTrue(env.exists(), "needs the Python environment at " + env.venvDir() + " (orchestrator env create)");
        return env;
    }

    private static boolean runs(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A 64x64 test-pattern clip; {@code audioRate} 0 means no audio track. */
    public static void clip(Path out, double seconds, int fps, int audioRate, int channels) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=size=64x64:rate=" + fps + ":duration=" + seconds));
        if (audioRate > 0) {
            cmd.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=220:sample_rate=" + audioRate + ":duration=" + seconds,
                    "-ac", String.valueOf(channels), "-c:a", "aac"));
        }
        cmd.addAll(List.of("-c:v", "libx264", "-pix_fmt", "yuv420p", "-shortest", out.toString()));
        run(cmd);
    }

    /** Only a sound track, in a file with a video extension (a podcast saved as .mp4). */
    static void audioOnly(Path out, double seconds) throws Exception {
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=220:duration=" + seconds,
                "-c:a", "aac", out.toString()));
    }

    /** Variable frame rate: the first 20 frames at 48 fps, the rest at 24 (a phone's screen recording). */
    static void variableFrameRate(Path out, double seconds) throws Exception {
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=24:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=220:duration=" + seconds,
                "-vf", "setpts='if(lt(N,20),N/48/TB,(N+20)/24/TB)'", "-fps_mode", "vfr", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", out.toString()));
    }

    static void image(Path out) throws Exception {
        run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=96x64:duration=1", "-frames:v", "1",
                out.toString()));
    }

    private static void run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + out);
        }
    }
}
