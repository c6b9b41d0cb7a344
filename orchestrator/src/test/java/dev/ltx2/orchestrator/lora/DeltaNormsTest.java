package dev.ltx2.orchestrator.lora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeltaNormsTest {

    @ParameterizedTest(name = "rank {0}, in {1}, out {2}")
    @CsvSource({"1,7,5", "3,17,9", "4,64,48", "6,33,300", "8,300,40", "32,40,600"})
    void gramTraceEqualsTheNormOfTheMaterialisedProduct(int rank, int in, int out) {
        LoraFiles f = new LoraFiles(rank * 1000L + in);
        float[] down = f.random(rank * in);
        float[] up = f.random(out * rank);
        double expected = LoraFiles.productNorm(up, out, rank, down, in);
        assertThat(DeltaNorms.ofProduct(up, out, rank, down, in)).isCloseTo(expected, within(expected * 1e-5));
    }

    @Test
    void zeroUpProjectionGivesExactlyZero() {
        LoraFiles f = new LoraFiles(1);
        assertThat(DeltaNorms.ofProduct(new float[64 * 8], 64, 8, f.random(8 * 32), 32)).isZero();
    }

    @Test
    void nanPropagatesSoItCanBeReported() {
        float[] up = new float[4 * 4];
        up[5] = Float.NaN;
        assertThat(DeltaNorms.ofProduct(up, 4, 4, new LoraFiles(2).random(16), 4)).isNaN();
    }
}
