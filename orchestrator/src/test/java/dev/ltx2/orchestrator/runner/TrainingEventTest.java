package dev.ltx2.orchestrator.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingEventTest {
    @Test
    void decodesAStepWithAndWithoutAudio() {
        var step = (TrainingEvent.Step) TrainingEvent.decode(
                "{\"type\":\"step\",\"step\":3,\"total_steps\":10,\"seconds\":0.5,\"lr\":0.0001,"
                        + "\"video_loss\":0.2,\"audio_loss\":null,\"losses\":{\"loss\":0.2,\"x\":null}}");
        assertThat(step.step()).isEqualTo(3);
        assertThat(step.videoLoss()).hasValue(0.2);
        assertThat(step.audioLoss()).isEmpty();
        assertThat(step.losses()).containsOnlyKeys("loss");
    }

    @Test
    void decodesTerminalEvents() {
        assertThat(TrainingEvent.decode("{\"type\":\"finished\",\"step\":30}")).isEqualTo(new TrainingEvent.Finished(30));
        assertThat(TrainingEvent.decode("{\"type\":\"stopped\",\"step\":4,\"checkpoint\":null}"))
                .isEqualTo(new TrainingEvent.Stopped(4, null));
        assertThat(TrainingEvent.decode("{\"type\":\"failed\",\"error\":\"E: x\",\"traceback\":\"Traceback...\"}"))
                .isEqualTo(new TrainingEvent.Failed("E: x", "Traceback..."));
    }

    @Test
    void garbageBecomesAFailure() {
        assertThat(TrainingEvent.decode("not json")).isInstanceOf(TrainingEvent.Failed.class);
        assertThat(TrainingEvent.decode("{\"type\":\"mystery\"}")).isInstanceOf(TrainingEvent.Failed.class);
    }

    @Test
    void collectorTakesTheTerminalEventAsOutcome() {
        var seen = new java.util.ArrayList<TrainingEvent>();
        var collector = new OutcomeCollector(seen::add);
        assertThat(collector.outcomeOr("crashed")).isInstanceOf(RunOutcome.Failed.class);
        collector.accept(new TrainingEvent.Stopped(4, "/ck.safetensors"));
        assertThat(collector.outcomeOr("crashed")).isEqualTo(new RunOutcome.Stopped(4, "/ck.safetensors"));
        assertThat(seen).hasSize(1);
    }
}
