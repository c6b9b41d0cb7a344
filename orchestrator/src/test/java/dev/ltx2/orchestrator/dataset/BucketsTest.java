package dev.ltx2.orchestrator.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BucketsTest {
    @Test
    void a1080pClipAt512IsScaledToTheLargestBucketUnderTheArea() {
        // 1920x1080 scaled by sqrt(512²/(1920·1080)) = 0.3556 → 21.33 × 12.0 units of 32;
        // 704x384 exceeds 512² pixels, so 672x384
        assertThat(Buckets.bucket(1920, 1080, 512, 32)).isEqualTo(new Buckets.Size(672, 384));
        assertThat(Buckets.bucket(64, 64, 512, 32)).isEqualTo(new Buckets.Size(64, 64));
    }

    @Test
    void matchesAiToolkitsGetBucketForImageSize() throws Exception {
        Path home = dev.ltx2.orchestrator.core.Layout.defaultCache();
        Path python = home.resolve("venv/bin/python");
        Path fork = home.resolve("fork/ai-toolkit");
        assumeTrue(Files.isExecutable(python), "needs the project venv at " + python);
        assumeTrue(Files.isRegularFile(fork.resolve("toolkit/buckets.py")), "needs the fork at " + fork);
        int[][] cases = {{64, 64, 512}, {1920, 1080, 512}, {1080, 1920, 768}, {640, 480, 512}, {100, 60, 512},
            {50, 40, 32}, {1280, 720, 1024}, {33, 33, 64}, {720, 1280, 384}, {3840, 2160, 960}, {500, 500, 512}};
        StringBuilder script = new StringBuilder("from toolkit.buckets import get_bucket_for_image_size as b\n");
        for (int[] c : cases) {
            script.append("r = b(").append(c[0]).append(", ").append(c[1]).append(", ").append(c[2])
                    .append(", 32); print(r['width'], r['height'])\n");
        }
        Process p = new ProcessBuilder(python.toString(), "-c", script.toString()).directory(fork.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] lines = out.strip().split("\n");
        assertThat(lines).hasSize(cases.length);
        for (int i = 0; i < cases.length; i++) {
            Buckets.Size s = Buckets.bucket(cases[i][0], cases[i][1], cases[i][2], 32);
            assertThat(s.width() + " " + s.height()).as(java.util.Arrays.toString(cases[i])).isEqualTo(lines[i]);
        }
    }
}
