package dev.ltx2.orchestrator.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ltx2.orchestrator.core.Result;
import dev.ltx2.orchestrator.dataset.DatasetReport.AudioForecast;
import dev.ltx2.orchestrator.dataset.DatasetReport.Caption;
import dev.ltx2.orchestrator.dataset.DatasetReport.Dataset;
import dev.ltx2.orchestrator.dataset.DatasetReport.Finding;
import dev.ltx2.orchestrator.dataset.DatasetReport.Item;
import dev.ltx2.orchestrator.dataset.DatasetReport.Kind;
import dev.ltx2.orchestrator.dataset.DatasetReport.Severity;
import dev.ltx2.schema.ResolvedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetGateTest {
    static final String CHECK = "orchestrator dataset check job.yaml";
    static final Finding BROKEN = new Finding(Severity.ERROR, "cannot be read: truncated");
    static final Finding PHONE = new Finding(Severity.WARNING, "audio is 8000 Hz, below the audio VAE's 16 kHz: upsampled");

    static ResolvedConfig config() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("{\"job\": \"extension\", \"config\": {\"name\": \"t\", \"process\": [{"
                + "\"datasets\": [{\"folder_path\": \"/data/a\"}, {\"folder_path\": \"/data/b\"}]}]}}");
        return new ResolvedConfig(Path.of("job.yaml"), tree);
    }

    static Item item(String name, Finding... findings) {
        return new Item(Path.of("/data/a", name), name, Kind.VIDEO, MediaInfo.unreadable("-"), Caption.FILE, List.of(),
                true, findings.length == 0, List.of(findings));
    }

    static Dataset dataset(int index, List<Item> items, Finding... findings) {
        return new Dataset(index, "config.process[0].datasets[" + index + "]", Path.of("/data/a"), true, true, 17, 24, 1,
                items, List.of(findings));
    }

    static DatasetReport.Process process(Finding verdict, Dataset... datasets) {
        return new DatasetReport.Process(0, List.of(datasets),
                new AudioForecast(1, 1, 1.0, List.of(), List.of(), verdict != null, 0.9, verdict));
    }

    static DatasetGate.Admitted admitted(Result<DatasetGate.Admitted> result) {
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<DatasetGate.Admitted>) result).value();
    }

    static String failure(Result<DatasetGate.Admitted> result) {
        assertThat(result).isInstanceOf(Result.Err.class);
        var f = ((Result.Err<DatasetGate.Admitted>) result).failure();
        return f.message() + " | fix: " + f.fix().orElse("");
    }

    @Test
    void unusableItemsAreNamedAndWrittenToTheirDatasetsSkippedFiles() throws Exception {
        var a = dataset(0, List.of(item("good.mp4"), item("zero.mp4", BROKEN), item("phone.mp4", PHONE)));
        var b = dataset(1, List.of(item("other.mp4")));
        var admitted = admitted(DatasetGate.admit(config(), List.of(process(null, a, b)), CHECK));

        JsonNode datasets = admitted.config().tree().path("config").path("process").path(0).path("datasets");
        assertThat(datasets.path(0).path("skipped_files")).hasSize(1);
        assertThat(datasets.path(0).path("skipped_files").path(0).asText()).isEqualTo("/data/a/zero.mp4");
        assertThat(datasets.path(1).has("skipped_files")).isFalse();
        assertThat(admitted.skipped()).isEqualTo(1);
        assertThat(admitted.lines()).containsExactly(
                "dataset config.process[0].datasets[0]: 1 of 3 items left out (not trained on):",
                "  skipped zero.mp4: cannot be read: truncated",
                "dataset config.process[0].datasets[0]: trained with these changes:",
                "  phone.mp4: audio is 8000 Hz, below the audio VAE's 16 kHz: upsampled");
    }

    @Test
    void theUsersConfigIsNotChanged() throws Exception {
        ResolvedConfig original = config();
        String before = original.toJson();
        DatasetGate.admit(original, List.of(process(null, dataset(0, List.of(item("good.mp4"), item("z.mp4", BROKEN))))),
                CHECK);
        assertThat(original.toJson()).isEqualTo(before);
    }

    @Test
    void aDatasetWithNothingUsableRefusesToStart() throws Exception {
        var all = dataset(0, List.of(item("a.mp4", BROKEN), item("b.mp4", BROKEN)));
        assertThat(failure(DatasetGate.admit(config(), List.of(process(null, all)), CHECK)))
                .contains("config.process[0].datasets[0]: none of its 2 items can be trained on (cannot be read: truncated)")
                .contains(CHECK);
    }

    @Test
    void aDatasetLevelErrorAndAPredictedStrictAudioStopRefuseToStart() throws Exception {
        var missing = dataset(0, List.of(), new Finding(Severity.ERROR, "folder not found: /data/a"));
        assertThat(failure(DatasetGate.admit(config(), List.of(process(null, missing)), CHECK)))
                .contains("folder not found: /data/a");
        var stops = new Finding(Severity.ERROR, "40% of video steps will have real audio: strict_audio_mode will stop");
        assertThat(failure(DatasetGate.admit(config(), List.of(process(stops, dataset(0, List.of(item("a.mp4"))))), CHECK)))
                .contains("strict_audio_mode will stop").contains("turn strict_audio_mode off");
    }

    @Test
    void aLargeFolderNamesTheFirstItemsAndPointsAtTheCheckForTheRest() throws Exception {
        List<Item> items = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> item("bad" + i + ".mp4", BROKEN)).toList());
        items.add(item("good.mp4"));
        var lines = admitted(DatasetGate.admit(config(), List.of(process(null, dataset(0, items))), CHECK)).lines();
        assertThat(lines).hasSize(1 + DatasetGate.SHOWN_PER_KIND + 1);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("  … and 10 more: " + CHECK + " lists them all");
    }
}
