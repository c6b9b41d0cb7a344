package dev.ltx2.schema.rules;

import dev.ltx2.schema.model.JobConfig;
import dev.ltx2.schema.model.ModelConfig;
import dev.ltx2.schema.model.ProcessConfig;
import dev.ltx2.schema.spec.Section;
import java.util.Map;

/** Model loading per arch ({@code ltx2.py:LTX2Model/LTX23Model/LTX25Model.load_model}). */
final class ModelRules implements Rule {

    @Override
    public void check(JobConfig job, RuleContext ctx) {
        for (ProcessConfig p : job.processes()) {
            Section m = p.model().section();
            String arch = p.model().arch();
            if (m.get(ModelConfig.ATTN_MASKING)) {
                ctx.error(m, ModelConfig.ATTN_MASKING, "attn_masking is Flux-only; ai-toolkit raises for other models",
                        "remove it");
            }
            if (m.get(ModelConfig.SPLIT_MODEL_OVER_GPUS)) {
                ctx.error(m, ModelConfig.SPLIT_MODEL_OVER_GPUS, "split_model_over_gpus is Flux-only; ai-toolkit raises "
                        + "for other models", "remove it; use model.layer_offloading to fit memory");
            }
            if ("ltx2.3".equals(arch) && m.get(ModelConfig.TE_NAME_OR_PATH) == null) {
                ctx.warning(m, ModelConfig.ARCH, "ltx2.3 downloads its Gemma text encoder from the hub "
                        + "(Lightricks/gemma-3-12b-it-qat-q4_0-unquantized) unless te_name_or_path is a local folder",
                        "set te_name_or_path to a local Gemma folder (config, weights and tokenizer at its root)");
            }
            if ("ltx2.5".equals(arch)) {
                Map<String, Object> kwargs = m.get(ModelConfig.MODEL_KWARGS);
                for (String part : new String[] {"dit", "text_encoder", "video_vae", "audio_vae"}) {
                    if (!kwargs.containsKey(part + "_path")) {
                        ctx.warning(m, ModelConfig.ARCH, "ltx2.5 looks for its " + part + " file under MODELS_PATH "
                                + "and downloads it from Lightricks/LTX-2.5 when missing", "set model.model_kwargs."
                                + part + "_path to a local file to stay offline");
                        break;
                    }
                }
            }
            if (m.isSet(ModelConfig.VAE_PATH)) {
                ctx.warning(m, ModelConfig.VAE_PATH, "LTX-2 ignores vae_path; the VAEs come from name_or_path or "
                        + "extras_name_or_path", "remove it");
            }
        }
    }
}
