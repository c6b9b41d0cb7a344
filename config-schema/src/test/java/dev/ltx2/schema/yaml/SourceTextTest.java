package dev.ltx2.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.schema.Findings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTextTest {
    final Findings findings = new Findings(Path.of("job.yaml"));

    @Test
    void substitutesEveryVariableLikeAiToolkitCommentsIncluded() {
        SourceText s = SourceText.substitute("a: ${X}/b  # ${X}\n", Map.of("X", "/data"), findings);
        assertThat(s.text()).isEqualTo("a: /data/b  # /data\n");
        assertThat(findings.hasErrors()).isFalse();
    }

    @Test
    void positionsAfterASubstitutionMapBackToTheOriginalColumns() {
        // the value 'x' starts at column 20 in the substituted text but column 12 in the file
        SourceText s = SourceText.substitute("a: ${LONG}  b: x\nc: 1\n", Map.of("LONG", "0123456789abcdef"), findings);
        int textColumn = s.text().indexOf('x');
        assertThat(s.position(0, textColumn)).isEqualTo(new Position(1, 16));
        assertThat(s.position(1, 0)).isEqualTo(new Position(2, 1));
        // inside the substituted value: the position of ${LONG}
        assertThat(s.position(0, 5)).isEqualTo(new Position(1, 4));
    }

    @Test
    void aValueWithANewlineDoesNotShiftLaterLines() {
        SourceText s = SourceText.substitute("a: \"${V}\"\nb: 2\n", Map.of("V", "x\ny"), findings);
        assertThat(s.text()).isEqualTo("a: \"x\ny\"\nb: 2\n");
        assertThat(s.position(2, 0)).isEqualTo(new Position(2, 1));
    }

    @Test
    void anUnsetVariableIsAnErrorAtItsPosition() {
        SourceText.substitute("job: x\nconfig:\n  name: ${NAME}\n", Map.of(), findings);
        var d = findings.sorted().get(0);
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isEqualTo(9);
        assertThat(d.format()).contains("job.yaml:3:9").contains("NAME is not set").contains("(fix: export NAME");
    }
}
