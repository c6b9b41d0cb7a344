package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.NetworkConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.model.TrainConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.yaml.YNode.YMap;
import java.util.Map;

/** The LoRA variants and what each implies on LTX-2 ({@code toolkit/lora_special.py}, {@code BaseSDTrainProcess.run}). */
final class NetworkRules implements Rule {

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            NetworkConfig network = p.network();
            if (network == null) {
                continue;
            }
            Section n = network.section();
            String type = network.type();
            if (type.equals("dora")) {
                ctx.warning(n, NetworkConfig.TYPE, "DoRA cannot be merged into the base weights, recomputes W+ΔW and its "
                        + "norm every forward (slower per step), and dequantizes quantized base layers (costly on 19-22B)",
                        null);
                Section train = p.train().section();
                if (train.get(TrainConfig.MERGE_NETWORK_ON_SAVE)) {
                    ctx.error(train, TrainConfig.MERGE_NETWORK_ON_SAVE, "a DoRA network cannot be merged on save",
                            "set merge_network_on_save: false, or use type: lora");
                }
            }
            boolean lokrFullRank = type.equals("lokr") && n.get(NetworkConfig.LOKR_FULL_RANK);
            if (lokrFullRank && (n.isSet(NetworkConfig.LINEAR) || n.isSet(NetworkConfig.LINEAR_ALPHA))) {
                ctx.warning(n, n.isSet(NetworkConfig.LINEAR) ? NetworkConfig.LINEAR : NetworkConfig.LINEAR_ALPHA,
                        "with lokr_full_rank (the default) LoKr ignores linear and linear_alpha", "set lokr_full_rank: false "
                        + "to use a rank, or remove linear/linear_alpha");
            }
            if (n.isSet(NetworkConfig.RANK) && n.isSet(NetworkConfig.LINEAR)
                    && !n.get(NetworkConfig.RANK).equals(n.get(NetworkConfig.LINEAR))) {
                ctx.warning(n, NetworkConfig.RANK, "rank and linear differ; ai-toolkit uses rank (" + n.get(NetworkConfig.RANK)
                        + ")", "keep only linear");
            }
            boolean alphaWritten = n.isSet(NetworkConfig.LINEAR_ALPHA) || n.isSet(NetworkConfig.ALPHA);
            if (!lokrFullRank && alphaWritten && network.linearAlpha() != network.rank()) {
                ctx.warning(n, n.isSet(NetworkConfig.LINEAR_ALPHA) ? NetworkConfig.LINEAR_ALPHA : NetworkConfig.ALPHA,
                        "LTX-2 LoRAs are trained and saved in PEFT format with alpha = rank (scale 1), so linear_alpha "
                                + fmt(network.linearAlpha()) + " has no effect", "set linear_alpha to the rank ("
                                + network.rank() + ") or remove it");
            }
            Map<String, Object> kwargs = n.get(NetworkConfig.NETWORK_KWARGS);
            dropoutInKwargs(ctx, n, kwargs, NetworkConfig.RANK_DROPOUT);
            dropoutInKwargs(ctx, n, kwargs, NetworkConfig.MODULE_DROPOUT);
        }
    }

    /** The fork's typed field and the old network_kwargs route must not both be set (duplicate keyword). */
    private static void dropoutInKwargs(RuleContext ctx, Section n, Map<String, Object> kwargs, Key<Double> typed) {
        if (!kwargs.containsKey(typed.name())) {
            return;
        }
        String path = n.pathOf(NetworkConfig.NETWORK_KWARGS) + "." + typed.name();
        var at = n.node(NetworkConfig.NETWORK_KWARGS) instanceof YMap map
                ? map.entry(typed.name()).map(e -> e.value().position()).orElse(n.at(NetworkConfig.NETWORK_KWARGS))
                : n.at(NetworkConfig.NETWORK_KWARGS);
        if (n.isSet(typed)) {
            ctx.findings().error(n.at(typed), n.pathOf(typed), typed.name() + " is set both here and in network_kwargs; "
                    + "the fork passes the typed field, so the two would collide", "remove network_kwargs." + typed.name());
            return;
        }
        Object v = kwargs.get(typed.name());
        if (!(v instanceof Number num) || num.doubleValue() < 0 || num.doubleValue() >= 1) {
            ctx.findings().error(at, path, typed.name() + " must be a number ≥ 0 and < 1, got " + v, "use e.g. 0.1");
        } else {
            ctx.findings().warning(at, path, typed.name() + " in network_kwargs is the pre-fork route", "move it to network."
                    + typed.name());
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
