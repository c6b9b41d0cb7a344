package dev.ltx2.schema.rules;

import java.util.List;

/** Every rule, in the order their findings are produced (the report is sorted by position anyway). */
public final class Rules {
    private Rules() {}

    public static final List<Rule> ALL = List.of(
            new JobRules(),
            new ModelRules(),
            new QuantizationRules(),
            new NetworkRules(),
            new TrainRules(),
            new OptimizerRules(),
            new SchedulerRules(),
            new AudioRules(),
            new DatasetRules(),
            new SampleRules(),
            new PathRules());
}
