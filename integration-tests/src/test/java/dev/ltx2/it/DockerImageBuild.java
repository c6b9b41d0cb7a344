package dev.ltx2.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.testcontainers.DockerClientFactory;

/**
 * How {@link DockerImageIT} builds {@code docker/Dockerfile} on the engine it finds: the
 * registry-free variant ({@code docker/base/build-args}) when its base image is present
 * (bin/docker-base made it from Debian packages), else the default CUDA variant when an image
 * registry answers, else no build at all, with the reason.
 *
 * @param buildArgs the Dockerfile's build arguments
 * @param description what is built, for the test log
 */
record DockerImageBuild(Map<String, String> buildArgs, String description) {
    static final Path HOME = Launcher.HOME;
    static final String REGISTRY = "https://registry-1.docker.io/v2/";
    /** Inside the build context, kept by .dockerignore and ignored by git (docker/README.md). */
    static final Path UPSTREAM_IN_CONTEXT = Path.of(".upstream", "ai-toolkit.git");

    /** The build this engine allows, or why none is possible. */
    static Choice choose() throws IOException, InterruptedException {
        Map<String, String> args = new LinkedHashMap<>();
        Map<String, String> registryFree = readBuildArgs(HOME.resolve("docker/base/build-args"));
        String base = registryFree.get("BASE_IMAGE");
        String description;
        if (imagePresent(base)) {
            args.putAll(registryFree);
            args.put("SYSTEM_PACKAGES", systemPackages(HOME.resolve("docker/base/packages")));
            description = "registry-free variant on the local base " + base;
        } else {
            Optional<String> registryProblem = registryProblem();
            if (registryProblem.isPresent()) {
                return new Choice.None("a Docker engine is running, but the image cannot be built: no local base image "
                        + base + " and no image registry (" + REGISTRY + ": " + registryProblem.get()
                        + "); make the base from Debian packages with bin/docker-base (docker/README.md)");
            }
            description = "default variant (base images from the registry)";
        }
        upstream().ifPresent(u -> args.put("UPSTREAM", u));
        return new Choice.Build(new DockerImageBuild(args, description + ", upstream "
                + args.getOrDefault("UPSTREAM", "the URL in patches/upstream.properties")));
    }

    sealed interface Choice {
        record Build(DockerImageBuild build) implements Choice {}

        record None(String reason) implements Choice {}
    }

    static Map<String, String> readBuildArgs(Path file) throws IOException {
        Map<String, String> args = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            args.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return args;
    }

    static String systemPackages(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.joining(" "));
    }

    static boolean imagePresent(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    /** Empty when the registry answers at all (401 is its normal answer without a token). */
    static Optional<String> registryProblem() throws InterruptedException {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            http.send(HttpRequest.newBuilder(URI.create(REGISTRY)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    /**
     * The UPSTREAM build argument: {@code ltx2.it.upstream}, else LTX2_UPSTREAM (bin/test
     * --clean-room sets it to the cached clone), else the clone in the orchestrator cache. A
     * local repository outside the build context is cloned into {@link #UPSTREAM_IN_CONTEXT}
     * (git hard-links its objects), because a build sees only its context.
     */
    static Optional<String> upstream() throws IOException, InterruptedException {
        String named = System.getProperty("ltx2.it.upstream", "");
        if (named.isBlank()) {
            named = System.getenv().getOrDefault("LTX2_UPSTREAM", "");
        }
        Optional<Path> local = named.isBlank() ? cachedClone() : Optional.of(Path.of(named)).filter(Files::isDirectory);
        if (local.isEmpty()) {
            return named.isBlank() ? Optional.empty() : Optional.of(named);
        }
        Path source = local.get().toAbsolutePath().normalize();
        if (source.startsWith(HOME)) {
            return Optional.of(HOME.relativize(source).toString());
        }
        Path target = HOME.resolve(UPSTREAM_IN_CONTEXT);
        run(List.of("rm", "-rf", target.toString()));
        run(List.of("git", "clone", "--quiet", "--bare", source.toString(), target.toString()));
        return Optional.of(UPSTREAM_IN_CONTEXT.toString());
    }

    private static Optional<Path> cachedClone() throws IOException {
        Path mirrors = dev.ltx2.orchestrator.core.Layout.resolve(null).upstreamMirrors();
        if (!Files.isDirectory(mirrors)) {
            return Optional.empty();
        }
        try (var list = Files.list(mirrors)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".git")).sorted().findFirst();
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
