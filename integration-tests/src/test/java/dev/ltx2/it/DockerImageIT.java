package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.Info;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The Docker image end to end: builds {@code docker/Dockerfile} with the repository as the
 * build context and runs {@code orchestrator fork verify} and {@code orchestrator checklist}
 * in it, with every GPU of the host when the engine can hand them out.
 *
 * <p>Needs a Docker engine. Without one each test is reported as skipped with the reason
 * (never as passed); the project's own machines have none (docker/README.md).
 *
 * <p>System properties: {@code ltx2.it.upstream} (build argument UPSTREAM: a git URL, or a
 * path inside the repository, e.g. a bare clone under .upstream/); {@code ltx2.it.gpus}
 * {@code auto} (default: GPUs when the engine lists the nvidia runtime), {@code on} or {@code off}.
 */
class DockerImageIT {
    static final String IMAGE_NAME = "ltx2-orchestrator:it";
    static final Path HOME = Path.of(System.getProperty("orchestrator.home", "..")).toAbsolutePath().normalize();
    static GenericContainer<?> container;

    @BeforeEach
    void needsADockerEngine() {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), () -> "no Docker engine reachable (DOCKER_HOST="
                + System.getenv().getOrDefault("DOCKER_HOST", "unset") + ", /var/run/docker.sock "
                + (Files.exists(Path.of("/var/run/docker.sock")) ? "present" : "absent")
                + "); this suite builds docker/Dockerfile and runs fork verify and checklist in it, see docker/README.md");
        startOnce();
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void forkVerifyPassesInTheImage() throws Exception {
        ExecResult verify = container.execInContainer("orchestrator", "fork", "verify");
        assertThat(verify.getExitCode()).as(describe("orchestrator fork verify", verify)).isZero();
        assertThat(verify.getStdout()).as(describe("orchestrator fork verify", verify)).isNotBlank();
    }

    @Test
    void checklistPassesInTheImage() throws Exception {
        List<String> command = new ArrayList<>(List.of("orchestrator", "checklist"));
        if (gpus()) {
            command.add("--gpu");
        }
        ExecResult checklist = container.execInContainer(command.toArray(String[]::new));
        assertThat(checklist.getExitCode()).as(describe(String.join(" ", command), checklist)).isZero();
        assertThat(checklist.getStdout()).as(describe(String.join(" ", command), checklist)).isNotBlank();
    }

    /** One image build and one container for the class; the commands run in it with exec. */
    private static synchronized void startOnce() {
        if (container != null) {
            return;
        }
        Path dockerfile = HOME.resolve("docker/Dockerfile");
        assertThat(dockerfile).as("the Dockerfile under the repository home").isRegularFile();
        assertThat(HOME.resolve(".dockerignore")).as("the build context's ignore file").isRegularFile();
        // Not deleted on exit: a second run reuses the engine's layer cache instead of
        // downloading several GB of wheels again.
        ImageFromDockerfile image = new ImageFromDockerfile(IMAGE_NAME, false)
                // The repository root is the build context, filtered by its .dockerignore
                // (docker-java reads it from the base directory, as `docker build` does).
                .withBuildImageCmdModifier(cmd -> cmd.withBaseDirectory(HOME.toFile()).withDockerfile(dockerfile.toFile()));
        String upstream = System.getProperty("ltx2.it.upstream", "");
        if (!upstream.isBlank()) {
            image.withBuildArg("UPSTREAM", upstream);
        }
        boolean gpus = gpus();
        GenericContainer<?> started = new GenericContainer<>(image)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withEntrypoint("sleep", "infinity");
                    if (gpus) {
                        // `docker run --gpus all`: every GPU, through the NVIDIA container toolkit.
                        cmd.getHostConfig().withDeviceRequests(List.of(
                                new DeviceRequest().withCount(-1).withCapabilities(List.of(List.of("gpu")))));
                    }
                });
        started.start();
        container = started;
    }

    static boolean gpus() {
        String wanted = System.getProperty("ltx2.it.gpus", "auto");
        if (!wanted.equals("auto")) {
            return wanted.equals("on");
        }
        Info info = DockerClientFactory.instance().client().infoCmd().exec();
        Map<String, ?> runtimes = info.getRuntimes();
        return runtimes != null && runtimes.containsKey("nvidia");
    }

    private static String describe(String command, ExecResult result) {
        return command + " exited " + result.getExitCode() + "\n--- stdout\n" + result.getStdout() + "\n--- stderr\n" + result.getStderr();
    }
}
