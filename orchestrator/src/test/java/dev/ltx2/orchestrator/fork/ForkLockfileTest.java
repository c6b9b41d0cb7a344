package dev.ltx2.orchestrator.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ltx2.orchestrator.core.Exec;
import dev.ltx2.orchestrator.core.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web UI's lockfile delta ({@code patches/overlay-data/ui/package-lock.delta.json}) against
 * the series: the dependencies it pins are the ones patch 0900 pins in {@code package.json}; and,
 * where the fork is at hand ({@code LTX2_FORK_DIR}, as bin/test sets it), the fork's lockfile is
 * upstream's at the pin with the delta applied and locks every pinned dependency at its version.
 *
 * <p>Regenerating the delta after changing the fork's lockfile (npm install in the fork's
 * {@code ui/}, docs/patches.md "Lockfiles"): {@code orchestrator fork lockfile-delta --tree DIR}.
 */
class ForkLockfileTest {
    static final Path PATCHES = Path.of(System.getProperty("user.dir")).resolve("../patches").normalize();
    static final String DELTA = "ui/package-lock.delta.json";
    static final String LOCKFILE = "ui/package-lock.json";
    private static final Pattern PINNED = Pattern.compile("^\\+\\s+\"([^\"]+)\": \"(\\d[^\"]*)\",?$", Pattern.MULTILINE);

    private static LockfileDelta committedDelta() throws Exception {
        return LockfileDelta.parse(Files.readString(PATCHES.resolve(LockfileDeltas.DIR_NAME).resolve(DELTA), StandardCharsets.UTF_8));
    }

    /** The exact versions the series' package.json hunks add ({@code "prisma": "6.19.3"}). */
    private static Map<String, String> pinnedBySeries() {
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(PATCHES)).value();
        Map<String, String> pinned = new LinkedHashMap<>();
        for (PatchSeries.Patch patch : series.patches()) {
            for (String file : patch.text().split("(?m)^diff --git ")) {
                if (file.startsWith("a/ui/package.json ")) {
                    Matcher m = PINNED.matcher(file);
                    while (m.find()) {
                        pinned.put(m.group(1), m.group(2));
                    }
                }
            }
        }
        return pinned;
    }

    @Test
    void noPatchCarriesLockfileHunks() {
        PatchSeries series = ((Result.Ok<PatchSeries>) PatchSeries.load(PATCHES)).value();
        assertThat(series.patches()).allSatisfy(p -> assertThat(p.touchedPaths()).as(p.name()).doesNotContain(LOCKFILE));
        assertThat(series.lockfiles().files()).containsExactly(DELTA);
    }

    @Test
    void theDeltaPinsTheDependenciesPatch0900PinsInPackageJson() throws Exception {
        Map<String, String> rootDependencies = new LinkedHashMap<>();
        Map<String, String> packages = new LinkedHashMap<>();
        for (LockfileDelta.Change c : committedDelta().changes()) {
            if (c.kind() == LockfileDelta.Kind.REMOVE) {
                continue;
            }
            if (c.path().size() == 4 && c.path().subList(0, 3).equals(java.util.List.of("packages", "", "dependencies"))) {
                rootDependencies.put(c.path().get(3), c.value().asText());
            } else if (c.path().size() == 2 && c.path().get(0).equals("packages")) {
                packages.put(c.path().get(1), c.value().path("version").asText());
            }
        }
        Map<String, String> pinned = pinnedBySeries();
        assertThat(pinned).containsEntry("prisma", "6.19.3").containsKey("@fontsource-variable/inter");
        assertThat(rootDependencies).isEqualTo(pinned);
        pinned.forEach((name, version) -> assertThat(packages).containsEntry("node_modules/" + name, version));
    }

    @Test
    void theForksLockfileIsThePinsWithTheDeltaAndLocksEveryPinnedDependency() throws Exception {
        Path fork = fork();
        UpstreamPin pin = ((Result.Ok<UpstreamPin>) UpstreamPin.load(PATCHES)).value();
        Exec.Output upstream = new Git(fork).run("show", pin.commit() + ":" + LOCKFILE);
        assertThat(upstream.ok()).as(upstream.stderr()).isTrue();
        String forks = Files.readString(fork.resolve(LOCKFILE), StandardCharsets.UTF_8);
        assertThat(LockfileDelta.render(committedDelta().applyTo(LockfileDelta.read(upstream.stdout())))).isEqualTo(forks);

        JsonNode lock = LockfileDelta.read(forks);
        JsonNode packageJson = LockfileDelta.read(Files.readString(fork.resolve("ui/package.json"), StandardCharsets.UTF_8));
        for (String section : new String[] {"dependencies", "devDependencies", "optionalDependencies"}) {
            assertThat(lock.path("packages").path("").path(section)).as(section).isEqualTo(packageJson.path(section));
        }
        pinnedBySeries().forEach((name, version) ->
                assertThat(lock.path("packages").path("node_modules/" + name).path("version").asText()).as(name).isEqualTo(version));
    }

    /** The committed delta is exactly what the fork's lockfile gives ({@code fork lockfile-delta} writes the same). */
    @Test
    void theCommittedDeltaIsWhatTheForksLockfileGives() throws Exception {
        Path fork = fork();
        UpstreamPin pin = ((Result.Ok<UpstreamPin>) UpstreamPin.load(PATCHES)).value();
        assertThat(LockfileDeltas.regenerate(fork, pin.commit(), LOCKFILE).toJson()).isEqualTo(committedDelta().toJson());
        assertThat(LockfileDeltas.deltaFile(PATCHES, LOCKFILE)).isEqualTo(PATCHES.resolve(LockfileDeltas.DIR_NAME).resolve(DELTA));
    }

    private static Path fork() {
        String dir = System.getenv("LTX2_FORK_DIR");
        assumeTrue(dir != null && !dir.isBlank() && Files.isRegularFile(Path.of(dir).resolve(LOCKFILE)),
                "needs LTX2_FORK_DIR (bin/test sets it to the orchestrator's fork; run that, or export it)");
        return Path.of(dir);
    }
}
