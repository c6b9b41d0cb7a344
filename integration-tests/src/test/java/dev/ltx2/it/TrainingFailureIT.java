package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A Python exception inside the trainer becomes exit code 3 with the Python traceback. */
class TrainingFailureIT {

    @BeforeEach
    void needsUpstream() {
        UpstreamAvailable.assume();
    }

    @ParameterizedTest(name = "runner {0}")
    @ValueSource(strings = {"jep", "subprocess"})
    void corruptWeightsFailWithTheTracebackAndExitCode3(String runner, @TempDir Path work) throws Exception {
        Path demoModel = dev.ltx2.orchestrator.core.Layout.resolve(null).demoDir().resolve("tiny-ltx2");
        // The demo assets exist once any demo job ran; provision them through a dry demo run if not.
        if (!Files.isDirectory(demoModel)) {
            Process p = Launcher.start(work, work.resolve("provision.log"), "train",
                    Files.writeString(work.resolve("tiny.yaml"), Launcher.demoConfig(1, 1000)).toString());
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        }
        Path broken = work.resolve("broken-model");
        copyTree(demoModel, broken);
        Path weights = broken.resolve("transformer/diffusion_pytorch_model.safetensors");
        Files.write(weights, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

        String config = Launcher.demoConfig(3, 1000).replace("${LTX2_DEMO_DIR}/tiny-ltx2", broken.toString());
        Path job = Files.writeString(work.resolve("job.yaml"), config);
        Path log = work.resolve("orchestrator.log");
        Process p = Launcher.start(work, log, "train", "--runner", runner, job.toString());
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(p.exitValue()).as(output).isEqualTo(3);
        assertThat(output).contains("error: training failed:").contains("Traceback (most recent call last)")
                .contains("safetensors").contains("trainer log:");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
