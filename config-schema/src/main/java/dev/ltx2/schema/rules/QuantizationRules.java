package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.Choices;
import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ModelConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.spec.Key;
import dev.ltx2.schema.spec.Section;
import dev.ltx2.schema.spec.Suggest;
import java.util.Set;

/** Quantization types that exist at the pin ({@code toolkit/util/quantize.py:get_qtype}) and what they do per arch. */
final class QuantizationRules implements Rule {
    private static final Set<String> BELOW_4_BITS = Set.of("qint2", "convrotint2", "convrotint3", "convrotbitnet",
            "uint2", "uint3", "orbit2", "orbit3", "orbitvq2", "orbitvq3");

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            ModelConfig model = p.model();
            Section m = model.section();
            String qtype = m.get(ModelConfig.QTYPE);
            String base = qtype.split("\\|", 2)[0];
            boolean hasAdapter = qtype.contains("|");
            checkName(ctx, m, ModelConfig.QTYPE, base);
            String qtypeTe = m.get(ModelConfig.QTYPE_TE);
            if (qtypeTe.contains("|")) {
                ctx.error(m, ModelConfig.QTYPE_TE, "qtype_te cannot carry an accuracy recovery adapter ('|'); "
                        + "ai-toolkit only reads one from qtype", "remove the '|...' part");
            } else {
                checkName(ctx, m, ModelConfig.QTYPE_TE, qtypeTe);
            }
            if ((hasAdapter || m.get(ModelConfig.ACCURACY_RECOVERY_ADAPTER) != null) && model.quantize()) {
                ctx.warning(m, hasAdapter ? ModelConfig.QTYPE : ModelConfig.ACCURACY_RECOVERY_ADAPTER,
                        "no accuracy recovery adapter is published for LTX-2; one trained for another model will not fit",
                        "drop the adapter unless you trained one for this LTX-2 checkpoint");
            }
            if (!model.quantize()) {
                continue;
            }
            if (model.layerOffloading() && base.equals("qfloat8")) {
                ctx.warning(m, ModelConfig.QTYPE, "with layer_offloading ai-toolkit swaps qfloat8 (optimum-quanto) for "
                        + "torchao float8", "set qtype: float8 to say what runs");
            }
            if ("ltx2.5".equals(model.arch()) && !base.equals("convrot8")) {
                ctx.warning(m, ModelConfig.QTYPE, "ltx2.5's default transformer file is already int8 ConvRot, and "
                        + "ai-toolkit skips quantizing a pre-quantized transformer: qtype " + base
                        + " only applies to a bf16 file given in model_kwargs.dit_path", "use qtype: convrot8, or point "
                        + "dit_path at the bf16 file");
            }
            if (BELOW_4_BITS.contains(base)) {
                ctx.warning(m, ModelConfig.QTYPE, base + " stores the transformer in under 4 bits; untested on LTX-2's "
                        + "audio blocks, so expect audio and identity quality loss", "prefer qfloat8, float8 or convrot8");
            }
        }
    }

    private static void checkName(RuleContext ctx, Section m, Key<String> key, String value) {
        if (!m.isSet(key) || Choices.QTYPES.contains(value)) {
            return;
        }
        ctx.error(m, key, "'" + value + "' is not a quantization type ai-toolkit knows at the pin",
                Suggest.closest(value, Choices.QTYPES).map(c -> "did you mean '" + c + "'?")
                        .orElse("use one of: " + String.join(", ", Choices.QTYPES)));
    }
}
