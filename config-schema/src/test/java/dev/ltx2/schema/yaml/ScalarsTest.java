package dev.ltx2.schema.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

class ScalarsTest {
    final PyYamlResolver resolver = new PyYamlResolver();

    Scalars.Reading plain(String text) {
        return Scalars.read(resolver.resolve(NodeId.scalar, text, true), text, true);
    }

    @Test
    void scientificNotationIsAFloatAsInAiToolkitsFixedLoader() {
        assertThat(plain("1e-4")).isEqualTo(new Scalars.Value(1e-4));
        assertThat(plain("7.5e-5")).isEqualTo(new Scalars.Value(7.5e-5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "yes|reads it as true",
        "Off|reads it as false",
        "12:30|reads it as 750",
        "017|octal number 15",
        "1_000|write 1000",
        "0b101|binary number (5",
        "2026-01-01|datetime",
        "=|value key"})
    void yaml11ReadingsAreTrapsWithTheValuePythonWouldSee(String text, String explanation) {
        Scalars.Reading r = plain(text);
        assertThat(r).isInstanceOf(Scalars.Trap.class);
        Scalars.Trap trap = (Scalars.Trap) r;
        assertThat(trap.message() + " " + trap.fix()).contains(explanation);
    }

    @Test
    void quotedTextIsNeverATrap() {
        assertThat(Scalars.read(Tag.STR, "no", false)).isEqualTo(new Scalars.Value("no"));
        assertThat(Scalars.read(Tag.STR, "12:30", false)).isEqualTo(new Scalars.Value("12:30"));
    }

    @Test
    void plainValuesBothYamlVersionsAgreeOnAreValues() {
        assertThat(plain("true")).isEqualTo(new Scalars.Value(true));
        assertThat(plain("42")).isEqualTo(new Scalars.Value(42L));
        assertThat(plain("0x1F")).isEqualTo(new Scalars.Value(31L));
        assertThat(plain("~")).isEqualTo(new Scalars.Value(null));
        assertThat(plain("09")).isEqualTo(new Scalars.Value("09"));
        assertThat(plain("ltx2.3")).isEqualTo(new Scalars.Value("ltx2.3"));
    }
}
