package dev.ltx2.orchestrator.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.orchestrator.core.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportPageTest {
    @TempDir Path dir;

    void run() throws IOException {
        Files.writeString(dir.resolve("config.yaml"), """
                job: extension
                config:
                  name: demo_<character>
                  process:
                    - model: {arch: ltx2, name_or_path: /m}
                      network: {type: lora, linear: 4, linear_alpha: 4}
                      train: {steps: 30, lr: 0.0001, voice_preservation: base}
                      datasets: [{folder_path: /d, do_audio: true}]
                """);
        Files.writeString(dir.resolve("loss_log.csv"), "step,video_loss,audio_loss,audio_loss_scaled,audio_multiplier,"
                + "voice_preservation_loss,lr,seconds\n1,0.5,1.5,1.5,1.0,,1e-4,2.0\n2,0.4,1.2,1.2,1.0,,1e-4,2.0\n");
        Files.writeString(dir.resolve("voice_report.csv"), "step,audio_learned,audio_drift,video_learned,video_drift,"
                + "seconds,held_out\n10,0.95,0.001,0.9,0.002,1.0,talk_02.mp4\n20,0.82,0.006,0.85,0.003,1.0,talk_02.mp4\n");
        Files.writeString(dir.resolve("voice_report.json"), """
                {"line": "voice: learned −18% · base drift 0.6%", "notes": ["voice report: set aside from training (held out): talk_02.mp4"],
                 "warnings": [{"code": "drift_rising", "message": "the base voice drifts <more>", "fix": "set train.voice_preservation: base"}]}
                """);
        Files.createDirectories(dir.resolve("samples"));
        Files.write(dir.resolve("samples/1_000000020_0.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
    }

    @Test
    void pageHoldsConfigPlotsWarningsAndSamplesInline() throws IOException {
        run();
        String html = RunReportPage.render(((Result.Ok<RunReport>) RunReport.read(dir)).value());
        assertThat(html).contains("<h1>demo_&lt;character&gt;</h1>", "<th>rank / alpha</th><td>4 / 4</td>",
                "voice: learned −18% · base drift 0.6%", "the base voice drifts &lt;more&gt;",
                "set train.voice_preservation: base", "set aside from training (held out): talk_02.mp4",
                "<td>-18.00%</td>", "data:video/mp4;base64,AAAAGGZ0eXA=", "data:audio/mp4;base64,AAAAGGZ0eXA=");
        assertThat(html.split("<polyline", -1)).hasSize(1 + 4 + 3); // voice: 2+2 series; losses: 2 + multiplier
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
    }

    @Test
    void aFolderWithoutARunIsAUserErrorWithTheFix() throws IOException {
        Result<RunReport> empty = RunReport.read(dir);
        assertThat(empty).isInstanceOf(Result.Err.class);
        assertThat(((Result.Err<RunReport>) empty).failure().message()).contains("holds no training run");
        assertThat(RunReport.read(dir.resolve("missing"))).isInstanceOf(Result.Err.class);
    }

    @Test
    void aRunWithoutTheVoiceReportSaysSo() throws IOException {
        Files.writeString(dir.resolve("loss_log.csv"), "step,video_loss,audio_loss\n1,0.5,\n");
        String html = RunReportPage.render(((Result.Ok<RunReport>) RunReport.read(dir)).value());
        assertThat(html).contains("No voice report in this run", "No samples");
    }
}
