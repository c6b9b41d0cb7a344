package dev.ltx2.orchestrator.pyenv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A venv directory as the orchestrator reads it, without Python: a {@code bin/python} that
 * answers {@code python -m ltx2_tools envcheck} with {@code ltx2_tools.envcheck}'s report (one
 * {@code result} event of the door's protocol), and the jep dist-info and native library at a
 * chosen version. A Jep mismatch without a real install.
 */
public final class FakeVenv {
    /**
     * envcheck's report as the door answers it; {@code python-env/tests/test_envcheck.py} proves the
     * real probe answers this shape (the same keys, in order, every value text).
     */
    public static final Path REPORT_SAMPLE = Path.of(System.getProperty("user.dir"))
            .resolve("../python-env/tests/fixtures/envcheck_report.json").normalize();

    private FakeVenv() {}

    /** Creates {@code venvDir} with Jep {@code jepVersion} installed and that version reported. */
    public static PythonEnv create(Path venvDir, String jepVersion) throws IOException {
        Path site = Files.createDirectories(venvDir.resolve("lib/python3.12/site-packages"));
        Files.createDirectories(site.resolve("jep-" + jepVersion + ".dist-info"));
        Files.createDirectories(site.resolve("jep"));
        Files.writeString(site.resolve("jep/libjep.so"), "");
        Files.writeString(venvDir.resolve("pyvenv.cfg"), "home = /usr/bin\nversion = 3.12.3\n");
        Path report = venvDir.resolve("envcheck.json");
        Files.writeString(report, reportWithJep(jepVersion));
        Path python = Files.createDirectories(venvDir.resolve("bin")).resolve("python");
        Files.writeString(python, "#!/bin/sh\ncat '" + report + "'\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new PythonEnv(venvDir, venvDir.resolve("no-source"), venvDir.resolve("no-fork"));
    }

    /** The committed sample with its {@code jep} version replaced, as the door's {@code result} event. */
    static String reportWithJep(String jepVersion) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode sample = (ObjectNode) json.readTree(REPORT_SAMPLE.toFile());
        ObjectNode result = json.createObjectNode().put("type", "result").put("verb", "envcheck").put("exit_code", 0);
        result.set("value", sample.put("jep", jepVersion));
        return json.writeValueAsString(result) + "\n";
    }
}
