package dev.ltx2.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ltx2.schema.model.DatasetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LTX-2 rules whose outcome is a warning (the corpus covers the errors), and their wording. */
class RulesTest {
    @TempDir Path dir;
    ValidationContext context;

    @BeforeEach
    void data() throws IOException {
        context = TestData.create(dir);
    }

    ValidationReport validate(String model, String network, String train, String datasets) throws IOException {
        String text = "job: extension\nconfig:\n  name: rules\n  process:\n    - type: sd_trainer\n"
                + "      training_folder: ${DATA}/out\n"
                + "      model: {arch: ltx2, name_or_path: ${DATA}/model" + model + "}\n"
                + "      network: {" + (network.isEmpty() ? "type: lora, linear: 32, linear_alpha: 32" : network) + "}\n"
                + "      train: {noise_scheduler: flowmatch, disable_sampling: true" + train + "}\n"
                + "      datasets:\n" + datasets;
        Path f = dir.resolve("job.yaml");
        Files.writeString(f, text);
        return ConfigValidator.validate(f, context);
    }

    static final String CLIPS = "        - {folder_path: ${DATA}/clips, num_frames: 81}\n";

    List<String> warnings(ValidationReport r) {
        assertThat(r.errors()).isEmpty();
        return r.warnings().stream().map(d -> d.keyPath() + ": " + d.message()).toList();
    }

    @Test
    void anExplicitMultiplierWithAutoBalanceWarnsThatAutoBalanceWins() throws IOException {
        var w = warnings(validate("", "", ", audio_loss_multiplier: 3, auto_balance_audio_loss: true", CLIPS));
        assertThat(w).singleElement().asString().startsWith("config.process[0].train.audio_loss_multiplier")
                .contains("auto_balance_audio_loss is on").contains("is ignored");
    }

    @Test
    void theSopValuesThatCrashUpstreamSayWhatTheForkDoes() throws IOException {
        var w = warnings(validate("", "", ", min_snr_gamma: 5.0, noise_offset: 0.05, timestep_type: weighted", CLIPS));
        assertThat(w).hasSize(2);
        assertThat(w).filteredOn(s -> s.startsWith("config.process[0].train.noise_offset:")).singleElement().asString()
                .contains("raises ValueError").contains("the patched fork adds").contains("(B,C,1,1,1)");
        assertThat(w).filteredOn(s -> s.startsWith("config.process[0].train.min_snr_gamma:")).singleElement().asString()
                .contains("crashes").contains("the patched fork computes the flow-matching SNR")
                .contains("timestep_type: weighted");
    }

    @Test
    void zeroMinSnrGammaMeansOffAsUpstream() throws IOException {
        assertThat(warnings(validate("", "", ", min_snr_gamma: 0", CLIPS))).isEmpty();
    }

    @Test
    void doraStatesItsConsequences() throws IOException {
        var w = warnings(validate("", "type: dora, linear: 32, linear_alpha: 32", "", CLIPS));
        assertThat(w).singleElement().asString().contains("cannot be merged").contains("slower");
    }

    @Test
    void lokrFullRankIgnoresTheRank() throws IOException {
        var w = warnings(validate("", "type: lokr, linear: 32", "", CLIPS));
        assertThat(w).singleElement().asString().startsWith("config.process[0].network.linear:")
                .contains("lokr_full_rank");
    }

    @Test
    void alphaIsForcedToTheRankOnLtx2() throws IOException {
        var w = warnings(validate("", "type: lora, linear: 32, linear_alpha: 16", "", CLIPS));
        assertThat(w).singleElement().asString().contains("alpha = rank").contains("linear_alpha 16 has no effect");
    }

    @Test
    void doAudioUnsetMeansOnForVideoAndOffForImages() throws IOException {
        ValidationReport r = validate("", "", "", CLIPS + "        - {folder_path: ${DATA}/clips}\n"
                + "        - {folder_path: ${DATA}/clips, num_frames: 81, do_audio: false}\n");
        List<DatasetConfig> datasets = r.job().orElseThrow().processes().get(0).datasets();
        assertThat(datasets).extracting(DatasetConfig::audioEnabled).containsExactly(true, false, false);
        assertThat(warnings(r)).singleElement().asString().startsWith("config.process[0].datasets[2].do_audio");
    }

    @Test
    void quantizationChoicesDependOnTheArch() throws IOException {
        var ltx25 = warnings(validateArch("ltx2.5", ", quantize: true, qtype: qfloat8"));
        assertThat(ltx25).anySatisfy(w -> assertThat(w).contains("already int8 ConvRot").contains("skips quantizing"));
        var offloaded = warnings(validate(", quantize: true, layer_offloading: true", "", "", CLIPS));
        assertThat(offloaded).singleElement().asString().contains("torchao float8");
        var lowBits = warnings(validate(", quantize: true, qtype: uint3", "", "", CLIPS));
        assertThat(lowBits).singleElement().asString().contains("under 4 bits");
    }

    ValidationReport validateArch(String arch, String model) throws IOException {
        String text = "job: extension\nconfig:\n  name: rules\n  process:\n    - type: sd_trainer\n"
                + "      training_folder: ${DATA}/out\n"
                + "      model: {arch: " + arch + ", name_or_path: ${DATA}/model" + model + ", model_kwargs: {"
                + "dit_path: a, text_encoder_path: b, video_vae_path: c, audio_vae_path: d}}\n"
                + "      network: {type: lora, linear: 32, linear_alpha: 32}\n"
                + "      train: {noise_scheduler: flowmatch, disable_sampling: true}\n"
                + "      datasets:\n" + CLIPS;
        Path f = dir.resolve("arch.yaml");
        Files.writeString(f, text);
        return ConfigValidator.validate(f, context);
    }

    @Test
    void offUnquotedIsTheBooleanFalseNotAMode() throws IOException {
        ValidationReport r = validate("", "", ", voice_preservation: off", CLIPS);
        assertThat(r.errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("reads it as false"));
    }

    @Test
    void forkSettingsThatCannotTakeEffectAreFlagged() throws IOException {
        var w = warnings(validate("", "", ", auto_balance_audio_target_ratio: 0.5, strict_audio_warmup_steps: 10, "
                + "independent_audio_timestep: false, audio_timestep_distribution: uniform, voice_preservation: none, "
                + "voice_preservation_weight: 2", CLIPS));
        assertThat(w).hasSize(4).allSatisfy(s -> assertThat(s).contains("no effect"));
    }

    @Test
    void strictAudioWarmupLongerThanTrainingNeverChecks() throws IOException {
        var w = warnings(validate("", "", ", steps: 40, strict_audio_mode: true", CLIPS));
        assertThat(w).singleElement().asString().contains("never checks");
    }

    @Test
    void prodigyReplacesSmallLearningRates() throws IOException {
        var w = warnings(validate("", "", ", optimizer: Prodigy, lr: 1e-4", CLIPS));
        assertThat(w).singleElement().asString().contains("replaces an lr below 0.1 with 1.0");
    }

    @Test
    void aHubModelIdIsAWarningAboutTheDownload() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/corpus/valid/minimal_ltx2_job.yaml"))
                .replace("name_or_path: ${DATA}/model", "name_or_path: Lightricks/LTX-2");
        Path f = dir.resolve("hub.yaml");
        Files.writeString(f, text);
        assertThat(warnings(ConfigValidator.validate(f, context))).singleElement().asString()
                .contains("download it from the Hugging Face hub");
    }

    @Test
    void aMissingSampleImageIsAWarningThatNamesTheFile() throws IOException {
        ValidationReport r = ConfigValidator.validate(Path.of("src/test/resources/corpus/valid/missing_sample_image.yaml"), context);
        assertThat(r.valid()).isTrue();
        assertThat(warnings(r)).contains("config.process[0].sample.samples[1].ctrl_img: file not found: "
                + dir.resolve("no_such_image.png") + " (this sample will fail or be skipped)");
    }
}
