package dev.ltx2.orchestrator.lora;

/**
 * What the file says about how it was trained. {@code doAudio} is null when nothing says;
 * {@code doAudioSource} names where the answer came from.
 */
public record TrainingSummary(String software, Long step, Long epoch, String baseModel, String outputName,
                              Boolean doAudio, String doAudioSource) {}
