package dev.ltx2.orchestrator.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeToolsTest {
    @TempDir Path tmp;

    private Path install(Path prefix, boolean headers) throws IOException {
        Path bin = Files.createDirectories(prefix.resolve("bin"));
        Path node = Files.writeString(bin.resolve("node"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (headers) {
            Files.createDirectories(prefix.resolve("include/node"));
            Files.writeString(prefix.resolve("include/node/common.gypi"), "{}");
        }
        return bin;
    }

    @Test
    void nodeGypUsesTheInstalledHeadersInsteadOfDownloadingThem() throws IOException {
        Path bin = install(tmp.resolve("usr"), true);
        Map<String, String> env = NodeTools.withLocalHeaders(Map.of("PYTHONPATH", "/src"),
                Map.of("PATH", tmp.resolve("empty") + ":" + bin));
        assertThat(env).containsEntry("npm_config_nodedir", tmp.resolve("usr").toRealPath().toString())
                .containsEntry("PYTHONPATH", "/src").doesNotContainKey("PATH");
    }

    @Test
    void noHeadersOrAnExplicitSettingLeaveNpmAlone() throws IOException {
        Path bare = install(tmp.resolve("bare"), false);
        assertThat(NodeTools.withLocalHeaders(Map.of(), Map.of("PATH", bare.toString()))).doesNotContainKey("npm_config_nodedir");
        Path bin = install(tmp.resolve("usr"), true);
        assertThat(NodeTools.withLocalHeaders(Map.of(), Map.of("PATH", bin.toString(), "NPM_CONFIG_NODEDIR", "/opt/node")))
                .doesNotContainKey("npm_config_nodedir");
    }
}
