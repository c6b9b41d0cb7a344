package dev.ltx2.orchestrator.pyenv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A venv directory as the orchestrator reads it, without Python: a {@code bin/python} that
 * prints a fixed version report (what {@code ltx2_tools.envcheck} prints), and the jep
 * dist-info and native library at a chosen version. A Jep mismatch without a real install.
 */
public final class FakeVenv {
    private FakeVenv() {}

    /** Creates {@code venvDir} with Jep {@code jepVersion} installed and that version reported. */
    public static PythonEnv create(Path venvDir, String jepVersion) throws IOException {
        Path site = Files.createDirectories(venvDir.resolve("lib/python3.12/site-packages"));
        Files.createDirectories(site.resolve("jep-" + jepVersion + ".dist-info"));
        Files.createDirectories(site.resolve("jep"));
        Files.writeString(site.resolve("jep/libjep.so"), "");
        Files.writeString(venvDir.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.12.3\n");
        Path python = Files.createDirectories(venvDir.resolve("bin")).resolve("python");
        Files.writeString(python, "#!/bin/sh\necho '{\"python\": \"3.12.3\", \"jep\": \"" + jepVersion
                + "\", \"ltx2_classes\": \"ok\"}'\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new PythonEnv(venvDir, venvDir.resolve("no-source"), venvDir.resolve("no-fork"));
    }
}
