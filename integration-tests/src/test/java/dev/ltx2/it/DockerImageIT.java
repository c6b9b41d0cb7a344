package dev.ltx2.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.Info;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The Docker image end to end: builds {@code docker/Dockerfile} with the repository as the
 * build context ({@link DockerImageBuild} picks the variant) and, in one container, runs
 * {@code fork apply}, {@code fork verify} (structure by default, see its test), the demo
 * training and {@code checklist}; the LoRA the
 * training writes inside the container is inspected from the host with
 * {@code bin/orchestrator lora inspect}. Every GPU of the host is handed in when the engine can.
 *
 * <p>Each test is reported as skipped with the reason, never as passed, when there is no
 * Docker engine, or when there is one but no image can be built (no local base, no registry).
 * Testcontainers needs no registry here: Ryuk is disabled (the pom sets
 * TESTCONTAINERS_RYUK_DISABLED; the container is removed after the class and, failing that, by
 * Testcontainers' JVM shutdown hook) and so are its start-up checks, which run a helper image.
 *
 * <p>System properties: {@code ltx2.it.upstream} (build argument UPSTREAM, see
 * {@link DockerImageBuild#upstream()}); {@code ltx2.it.gpus} {@code auto} (default: GPUs when
 * the engine lists the nvidia runtime), {@code on} or {@code off}; {@code ltx2.it.forkVerify}
 * {@code structure} (default) or {@code full}.
 */
class DockerImageIT {
    static final String IMAGE_NAME = "ltx2-orchestrator:it";
    static final Path HOME = Launcher.HOME;
    /** The container's /work/output, so the host sees what training writes there. */
    static final Path OUTPUT = HOME.resolve("integration-tests/target/docker-it/output");
    static GenericContainer<?> container;
    static String skipReason;

    @BeforeEach
    void needsADockerEngineAndABuildableImage() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(), () -> "no Docker engine reachable (DOCKER_HOST="
                + System.getenv().getOrDefault("DOCKER_HOST", "unset") + ", /var/run/docker.sock "
                + (Files.exists(Path.of("/var/run/docker.sock")) ? "present" : "absent")
                + "); this suite builds docker/Dockerfile and runs fork apply, fork verify, the demo and checklist in it"
                + " (bin/test-docker starts an engine, docker/README.md)");
        startOnce();
        assumeTrue(skipReason == null, () -> skipReason);
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    /** The fork baked into the image matches patches/: apply finds it current (its stamp). */
    @Test
    void forkApplyFindsTheBakedForkCurrent() throws Exception {
        ExecResult apply = exec("orchestrator", "fork", "apply");
        assertThat(apply.getExitCode()).as(describe("orchestrator fork apply", apply)).isZero();
    }

    /**
     * By default the structural part only ({@code --no-tests}: the series agrees with the SOP
     * table and applies to the pin): every item's tests already run on the host in the same
     * {@code bin/test} run, against the same patches and lock, and repeating them here would
     * cost CI about 8 more minutes. {@code -Dltx2.it.forkVerify=full} runs them in the image too.
     */
    @Test
    void forkVerifyPassesInTheImage() throws Exception {
        List<String> command = new ArrayList<>(List.of("orchestrator", "fork", "verify"));
        if (!System.getProperty("ltx2.it.forkVerify", "structure").equals("full")) {
            command.add("--no-tests");
        }
        ExecResult verify = exec(command.toArray(String[]::new));
        assertThat(verify.getExitCode()).as(describe(String.join(" ", command), verify)).isZero();
        assertThat(verify.getStdout()).as(describe(String.join(" ", command), verify)).contains("patched");
    }

    /** The README's demo job, as shipped, trained in the container; its LoRA read on the host. */
    @Test
    void demoTrainsInTheImageAndTheHostInspectsItsLora() throws Exception {
        ExecResult train = exec("orchestrator", "train", "/opt/ltx2/home/examples/demo/character.yaml");
        assertThat(train.getExitCode()).as(describe("orchestrator train (demo)", train)).isZero();

        Path lora = OUTPUT.resolve("demo_character/demo_character.safetensors");
        assertThat(lora).as("the LoRA the container wrote to /work/output, seen on the host").isRegularFile();
        Path work = Files.createDirectories(HOME.resolve("integration-tests/target/docker-it/host"));
        Path log = work.resolve("lora-inspect.json");
        Process inspect = Launcher.start(work, log, "lora", "inspect", "--json", lora.toString());
        assertThat(inspect.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(inspect.exitValue()).as(Files.readString(log)).isZero();
        String printed = Files.readString(log);
        JsonNode report = new ObjectMapper().readTree(printed.substring(printed.indexOf('{')));
        assertThat(report.toString()).as(printed).contains("audio_to_video_attn", "video_to_audio_attn");
        assertThat(Safetensors.tensorNames(lora)).allMatch(k -> k.startsWith("diffusion_model.transformer_blocks."));
    }

    @Test
    void checklistPassesInTheImage() throws Exception {
        List<String> command = new ArrayList<>(List.of("orchestrator", "checklist"));
        if (gpus()) {
            command.add("--gpu");
        }
        // Every item runs on the host in the same CI run; in the image the first items prove the
        // baked fork, venv and demo assets train (about 1 min instead of 5 on 2 cores).
        // -Dltx2.it.checklist=full runs them all here too.
        if (!System.getProperty("ltx2.it.checklist", "reduced").equals("full")) {
            command.addAll(List.of("--items", "1,2,3"));
        }
        ExecResult checklist = exec(command.toArray(String[]::new));
        assertThat(checklist.getExitCode()).as(describe(String.join(" ", command), checklist)).isZero();
        assertThat(checklist.getStdout()).as(describe(String.join(" ", command), checklist)).isNotBlank();
    }

    /** Runs in the container and prints how long it took, for docs/benchmarks.md. */
    private static ExecResult exec(String... command) throws Exception {
        Instant start = Instant.now();
        ExecResult result = container.execInContainer(command);
        System.out.printf("DockerImageIT: %s: exit %d in %d s%n", String.join(" ", command), result.getExitCode(),
                Duration.between(start, Instant.now()).toSeconds());
        return result;
    }

    /** One image build and one container for the class; the commands run in it with exec. */
    private static synchronized void startOnce() throws Exception {
        if (container != null || skipReason != null) {
            return;
        }
        Path dockerfile = HOME.resolve("docker/Dockerfile");
        assertThat(dockerfile).as("the Dockerfile under the repository home").isRegularFile();
        assertThat(HOME.resolve(".dockerignore")).as("the build context's ignore file").isRegularFile();
        DockerImageBuild.Choice choice = DockerImageBuild.choose();
        if (choice instanceof DockerImageBuild.Choice.None none) {
            skipReason = none.reason();
            return;
        }
        DockerImageBuild build = ((DockerImageBuild.Choice.Build) choice).build();
        System.out.println("DockerImageIT: building " + IMAGE_NAME + ": " + build.description());
        // Not deleted on exit: a second run reuses the engine's layer cache instead of
        // downloading several GB of wheels again.
        ImageFromDockerfile image = new ImageFromDockerfile(IMAGE_NAME, false)
                // The repository root is the build context, filtered by its .dockerignore
                // (docker-java reads it from the base directory, as `docker build` does).
                .withBuildImageCmdModifier(cmd -> cmd.withBaseDirectory(HOME.toFile()).withDockerfile(dockerfile.toFile()));
        build.buildArgs().forEach(image::withBuildArg);
        resetOutput();
        boolean gpus = gpus();
        Instant start = Instant.now();
        GenericContainer<?> started = new GenericContainer<>(image)
                .withFileSystemBind(OUTPUT.toString(), "/work/output", BindMode.READ_WRITE)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withEntrypoint("sleep", "infinity");
                    if (gpus) {
                        // `docker run --gpus all`: every GPU, through the NVIDIA container toolkit.
                        cmd.getHostConfig().withDeviceRequests(List.of(
                                new DeviceRequest().withCount(-1).withCapabilities(List.of(List.of("gpu")))));
                    }
                });
        started.start();
        System.out.printf("DockerImageIT: image built and container started in %d s%n",
                Duration.between(start, Instant.now()).toSeconds());
        container = started;
    }

    private static void resetOutput() throws IOException {
        if (Files.exists(OUTPUT)) {
            try (var walk = Files.walk(OUTPUT)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(OUTPUT);
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
