package dev.ltx2.orchestrator.pyenv;

import dev.ltx2.orchestrator.core.Failure;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/** {@code python-env/requirements/lock.txt}: every package pinned, PyPI only. */
public record LockFile(Path file, String text) {
    public static final String RELATIVE = "requirements/lock.txt";

    public static Result<LockFile> load(Path pythonEnvDir) {
        Path file = pythonEnvDir.resolve(RELATIVE);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#") && (!l.contains("==") || l.contains("git+") || l.contains("://"))) {
                    return Result.err(Failure.environment(file + ": '" + l + "' is not an exact PyPI pin",
                            "regenerate the lock from requirements.in as its header says: pip freeze in a fresh venv"));
                }
            }
            return Result.ok(new LockFile(file, text));
        } catch (IOException e) {
            return Result.err(Failure.environment("cannot read " + file + ": " + e.getMessage(), "run from a complete checkout"));
        }
    }

    /**
     * Identity of an installed venv: the lock's pins, the Jep version and the base Python.
     * Comments and blank lines are left out, so editing the lock's notes does not reinstall
     * every venv.
     */
    public String digest(String jepVersion, String pythonVersion) {
        String pins = pins().collect(Collectors.joining("\n"));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pins.getBytes(StandardCharsets.UTF_8));
            sha.update(("\njep==" + jepVersion + "\npython=" + pythonVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many packages the lock pins, for the install's progress line. */
    public long packageCount() {
        return pins().count();
    }

    private java.util.stream.Stream<String> pins() {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"));
    }
}
