package dev.ltx2.orchestrator.pyenv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.BuildInfo;
import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {
    static final Path PYTHON_ENV = Path.of(System.getProperty("user.dir")).resolve("../python-env").normalize();

    @Test
    void theRepositoryLockIsExactPyPiPinsWithoutJep() {
        LockFile lock = ((Result.Ok<LockFile>) LockFile.load(PYTHON_ENV)).value();
        assertThat(lock.text()).contains("torch==2.11.0").contains("diffusers==0.39.0");
        assertThat(lock.text().lines().filter(l -> l.startsWith("jep"))).as("jep comes from the pom pin").isEmpty();
        assertThat(BuildInfo.jepVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void gitUrlsAndLoosePinsAreRejected(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("requirements"));
        Files.writeString(dir.resolve(LockFile.RELATIVE), "# c\ndiffusers @ git+https://github.com/huggingface/diffusers\n");
        assertThat(LockFile.load(dir)).isInstanceOf(Result.Err.class);
        Files.writeString(dir.resolve(LockFile.RELATIVE), "torch>=2.0\n");
        assertThat(LockFile.load(dir)).isInstanceOf(Result.Err.class);
    }

    @Test
    void digestChangesWithJepAndPython() {
        LockFile lock = new LockFile(Path.of("x"), "a==1\n");
        assertThat(lock.digest("4.2.2", "3.11")).isNotEqualTo(lock.digest("4.2.1", "3.11"))
                .isNotEqualTo(lock.digest("4.2.2", "3.12"));
    }

    @Test
    void digestIgnoresCommentsButNotPins() {
        String digest = new LockFile(Path.of("x"), "# one note\na==1\n").digest("4.2.2", "3.11");
        assertThat(new LockFile(Path.of("x"), "# another note\n\na==1\n").digest("4.2.2", "3.11")).isEqualTo(digest);
        assertThat(new LockFile(Path.of("x"), "# one note\na==2\n").digest("4.2.2", "3.11")).isNotEqualTo(digest);
    }
}
