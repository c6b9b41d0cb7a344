package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.Suggest;
import dev.ltx2.schema.yaml.Position;
import dev.ltx2.schema.yaml.YNode.YMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * optimizer_params against the constructor ai-toolkit calls ({@code toolkit/optimizer.py}; signatures
 * read from the locked environment's torch 2.11, prodigyopt 1.1.2, dadaptation 3.2, bitsandbytes 0.50.2
 * and ai-toolkit's own optimizers). A wrong name is a TypeError when the optimizer is built, after the model loads.
 */
final class OptimizerRules implements Rule {
    /** Keyword arguments each optimizer accepts from optimizer_params. */
    static final Map<String, Set<String>> ACCEPTED = Map.ofEntries(
            Map.entry("adamw", Set.of("betas", "weight_decay", "amsgrad", "maximize", "foreach", "capturable",
                    "differentiable", "fused")),
            Map.entry("adam", Set.of("betas", "weight_decay", "amsgrad", "maximize", "foreach", "capturable",
                    "differentiable", "fused", "decoupled_weight_decay")),
            Map.entry("adagrad", Set.of("lr_decay", "weight_decay", "initial_accumulator_value", "eps", "foreach",
                    "maximize", "differentiable", "fused")),
            Map.entry("prodigy", Set.of("betas", "beta3", "weight_decay", "decouple", "use_bias_correction",
                    "safeguard_warmup", "d0", "d_coef", "growth_rate", "fsdp_in_use", "slice_p")),
            Map.entry("prodigy8bit", Set.of("betas", "beta3", "weight_decay", "decouple", "use_bias_correction",
                    "safeguard_warmup", "d0", "d_coef", "growth_rate", "fsdp_in_use")),
            Map.entry("dadaptation", Set.of("betas", "weight_decay", "log_every", "decouple", "use_bias_correction",
                    "d0", "growth_rate", "fsdp_in_use")),
            Map.entry("adamw8bit", Set.of("betas", "weight_decay", "amsgrad", "optim_bits", "args", "min_8bit_size",
                    "is_paged")),
            Map.entry("adam8bit", Set.of("betas", "weight_decay", "amsgrad", "optim_bits", "args", "min_8bit_size",
                    "is_paged")),
            Map.entry("ademamix8bit", Set.of("betas", "alpha", "t_alpha", "t_beta3", "weight_decay", "min_8bit_size",
                    "is_paged")),
            Map.entry("lion8bit", Set.of("betas", "weight_decay", "args", "min_8bit_size", "is_paged")),
            Map.entry("adam8", Set.of("betas", "weight_decay", "decouple")),
            Map.entry("adamw8", Set.of("betas", "weight_decay")),
            Map.entry("adafactor", Set.of("eps", "clip_threshold", "decay_rate", "beta1", "weight_decay",
                    "scale_parameter", "relative_step", "warmup_init", "do_paramiter_swapping",
                    "paramiter_swapping_factor", "stochastic_accumulation", "stochastic_rounding")),
            Map.entry("automagic", Set.of("min_lr", "max_lr", "lr_bump", "eps", "clip_threshold", "beta2",
                    "weight_decay", "do_paramiter_swapping", "paramiter_swapping_factor")),
            Map.entry("automagic2", Set.of("min_lr", "max_lr", "lr_bump", "beta2", "eps", "clip_threshold",
                    "weight_decay", "agreement_threshold")),
            Map.entry("automagic3", Set.of("min_lr", "max_lr", "beta2", "eps", "clip_threshold", "weight_decay",
                    "polarity_history", "fused")));

    /** Arguments get_optimizer already passes itself: repeating them is a duplicate-keyword TypeError. */
    static final Map<String, List<String>> PASSED_BY_AI_TOOLKIT = Map.ofEntries(
            Map.entry("adamw", List.of("lr", "eps")), Map.entry("adam", List.of("lr", "eps")),
            Map.entry("adagrad", List.of("lr")), Map.entry("prodigy", List.of("lr", "eps")),
            Map.entry("prodigy8bit", List.of("lr", "eps")), Map.entry("dadaptation", List.of("lr", "eps")),
            Map.entry("adamw8bit", List.of("lr", "eps")), Map.entry("adam8bit", List.of("lr", "eps")),
            Map.entry("ademamix8bit", List.of("lr", "eps")), Map.entry("lion8bit", List.of("lr")),
            Map.entry("adam8", List.of("lr", "eps")), Map.entry("adamw8", List.of("lr", "eps", "decouple")),
            Map.entry("adafactor", List.of("lr")), Map.entry("automagic", List.of("lr")),
            Map.entry("automagic2", List.of("lr")), Map.entry("automagic3", List.of("lr")),
            Map.entry("automagicexperiment", List.of("lr")));

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            Section t = p.train().section();
            String optimizer = canonical(p.train().optimizer());
            if ((optimizer.equals("prodigy") || optimizer.equals("prodigy8bit") || optimizer.equals("dadaptation"))
                    && p.train().lr() < 0.1) {
                ctx.warning(t, TrainConfig.LR, optimizer + " adapts its own step size: ai-toolkit replaces an lr below "
                        + "0.1 with 1.0", "write lr: 1.0 to say what runs");
            }
            Map<String, Object> params = p.train().optimizerParams();
            Set<String> accepted = ACCEPTED.get(optimizer);
            for (String name : params.keySet()) {
                Position at = paramPosition(t, name);
                String path = t.pathOf(TrainConfig.OPTIMIZER_PARAMS) + "." + name;
                if (PASSED_BY_AI_TOOLKIT.getOrDefault(optimizer, List.of()).contains(name)) {
                    ctx.findings().error(at, path, "ai-toolkit already passes " + name + " to " + optimizer
                            + (name.equals("lr") ? " (from train.lr)" : "") + "; repeating it is a TypeError",
                            name.equals("lr") ? "set train.lr instead" : "remove it");
                } else if (accepted != null && !accepted.contains(name)) {
                    ctx.findings().error(at, path, optimizer + " does not accept '" + name + "' (TypeError when the "
                            + "optimizer is built, after the model has loaded)",
                            Suggest.closest(name, accepted).map(c -> "did you mean '" + c + "'?")
                                    .orElse("accepted: " + String.join(", ", accepted.stream().sorted().toList())));
                }
            }
        }
    }

    /** ai-toolkit matches prodigy* by prefix. */
    private static String canonical(String optimizer) {
        return optimizer.equals("prodigyopt") ? "prodigy" : optimizer;
    }

    static Position paramPosition(Section t, String name) {
        return t.node(TrainConfig.OPTIMIZER_PARAMS) instanceof YMap map
                ? map.entry(name).map(e -> e.keyPosition()).orElse(t.at(TrainConfig.OPTIMIZER_PARAMS))
                : t.at(TrainConfig.OPTIMIZER_PARAMS);
    }
}
