package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.Suggest;
import dev.ltx2.schema.yaml.Position;
import dev.ltx2.schema.yaml.YNode.YMap;
import java.util.Map;
import java.util.Set;

/**
 * lr_scheduler_params against {@code toolkit/scheduler.py}: ai-toolkit adds total_iters = steps
 * (unless max_iterations is present) and maps it to T_max / T_0 for the cosine schedules.
 */
final class SchedulerRules implements Rule {
    static final Map<String, Set<String>> ACCEPTED = Map.of(
            "constant", Set.of("factor", "total_iters", "last_epoch"),
            "constant_with_warmup", Set.of("num_warmup_steps", "last_epoch"),
            "cosine", Set.of("T_max", "eta_min", "last_epoch", "total_iters"),
            "cosine_with_restarts", Set.of("T_0", "T_mult", "eta_min", "last_epoch", "total_iters"),
            "linear", Set.of("start_factor", "end_factor", "total_iters", "last_epoch"));

    /** Keys ai-toolkit overwrites with the step count. */
    private static final Map<String, String> OVERWRITTEN = Map.of(
            "cosine", "T_max", "cosine_with_restarts", "T_0");

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            Section t = p.train().section();
            String scheduler = p.train().lrScheduler();
            Map<String, Object> params = p.train().lrSchedulerParams();
            Set<String> accepted = ACCEPTED.get(scheduler);
            if (accepted == null) {
                continue;
            }
            for (String name : params.keySet()) {
                Position at = position(t, name);
                String path = t.pathOf(TrainConfig.LR_SCHEDULER_PARAMS) + "." + name;
                if (name.equals("max_iterations")) {
                    ctx.findings().error(at, path, "max_iterations only stops ai-toolkit from adding total_iters and is "
                            + "then passed to the schedule, which rejects it (" + (scheduler.equals("constant_with_warmup")
                            ? "KeyError" : "TypeError") + ")", "remove it; the schedule spans train.steps");
                } else if (!accepted.contains(name)) {
                    ctx.findings().error(at, path, scheduler + " does not accept '" + name + "' (TypeError when the "
                            + "scheduler is built)", Suggest.closest(name, accepted).map(c -> "did you mean '" + c + "'?")
                            .orElse("accepted: " + String.join(", ", accepted.stream().sorted().toList())));
                } else if (name.equals("total_iters") || name.equals(OVERWRITTEN.get(scheduler))) {
                    ctx.findings().warning(at, path, "ai-toolkit overwrites " + name + " with train.steps ("
                            + p.train().steps() + ")", "remove it");
                }
            }
            if (scheduler.equals("constant_with_warmup")) {
                warmup(p, t, params, ctx);
            }
        }
    }

    private static void warmup(ProcessConfig p, Section t, Map<String, Object> params, RuleContext ctx) {
        Object warmup = params.get("num_warmup_steps");
        long steps = p.train().steps();
        // Unset, the patched fork warms up over 5% of the steps (upstream: 1000 steps; SOP item V).
        if (warmup == null) {
            return;
        } else if (!(warmup instanceof Long w) || w < 0) {
            ctx.findings().error(position(t, "num_warmup_steps"), t.pathOf(TrainConfig.LR_SCHEDULER_PARAMS)
                    + ".num_warmup_steps", "num_warmup_steps must be an integer ≥ 0, got " + warmup, "write a step count");
        } else if (w >= steps) {
            ctx.findings().warning(position(t, "num_warmup_steps"), t.pathOf(TrainConfig.LR_SCHEDULER_PARAMS)
                    + ".num_warmup_steps", "the warmup (" + w + " steps) is not shorter than training (" + steps
                    + " steps), so the LR never reaches lr", "use a warmup of a few percent of steps");
        }
    }

    private static Position position(Section t, String name) {
        return t.node(TrainConfig.LR_SCHEDULER_PARAMS) instanceof YMap map
                ? map.entry(name).map(e -> e.keyPosition()).orElse(t.at(TrainConfig.LR_SCHEDULER_PARAMS))
                : t.at(TrainConfig.LR_SCHEDULER_PARAMS);
    }
}
