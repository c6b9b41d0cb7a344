package dev.ltx2.orchestrator.lora;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HalfFloatTest {

    @ParameterizedTest(name = "0x{0} = {1}")
    @CsvSource({
        "0000, 0.0", "3C00, 1.0", "C000, -2.0", "3800, 0.5", "7BFF, 65504.0",
        "0400, 6.103515625E-5", "0001, 5.9604644775390625E-8", "03FF, 6.097555160522461E-5",
        "3555, 0.333251953125", "7C00, Infinity", "FC00, -Infinity",
    })
    void decodesIeeeHalfPrecision(String hex, double expected) {
        assertThat((double) HalfFloat.toFloat((short) Integer.parseInt(hex, 16))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"7C01", "7E00", "FFFF"})
    void nanPatternsDecodeToNan(String hex) {
        assertThat(HalfFloat.toFloat((short) Integer.parseInt(hex, 16))).isNaN();
    }
}
