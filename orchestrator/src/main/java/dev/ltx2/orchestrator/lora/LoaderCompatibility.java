package dev.ltx2.orchestrator.lora;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Predicts what each inference loader does with a LoRA, from the loaders' code at the
 * snapshots in docs/lora-format.md. The diffusers rules are checked against diffusers 0.39.0
 * by python-env/tests/lora/test_loaders.py; ComfyUI, KJNodes and Lightricks are read from
 * source (not installable here).
 */
final class LoaderCompatibility {
    private LoaderCompatibility() {}

    static List<LoaderVerdict> judge(List<ModuleResult> modules, List<String> unrecognised) {
        return List.of(comfy(modules), kjnodes(modules), diffusers(modules, unrecognised), lightricks(modules));
    }

    /** comfy/lora.py model_lora_keys_unet: LTXV/LTXAV map diffusion_model.X, X and lora_unet_X. */
    static LoaderVerdict comfy(List<ModuleResult> modules) {
        return comfyLike("ComfyUI", modules, List.of());
    }

    private static LoaderVerdict comfyLike(String loader, List<ModuleResult> modules, List<String> caveats) {
        List<String> reasons = new ArrayList<>();
        long unmapped = count(modules, r -> !comfyMaps(r.module()) && !projection(r.module()));
        if (unmapped > 0) {
            reasons.add(unmapped + " module(s) in diffusers/PEFT naming (or without a ComfyUI target) are not mapped "
                    + "for LTX-AV and are ignored");
        }
        long projections = count(modules, r -> projection(r.module()));
        if (projections > 0) {
            reasons.add(projections + " text_embedding_projection module(s): not verified whether ComfyUI maps them "
                    + "(they are not in its LTX-AV diffusion model)");
        }
        long magnitude = count(modules, r -> comfyMaps(r.module()) && r.module().parts().containsKey(Part.MAGNITUDE));
        if (magnitude > 0) {
            reasons.add(magnitude + " DoRA module(s) store ai-toolkit's .magnitude, which ComfyUI does not read (it "
                    + "expects .dora_scale): applied as plain LoRA, with \"lora key not loaded\" warnings");
        }
        return verdict(loader, modules, unmapped, magnitude, reasons, caveats);
    }

    static LoaderVerdict kjnodes(List<ModuleResult> modules) {
        List<String> caveats = new ArrayList<>();
        long connectors = count(modules, r -> comfyMaps(r.module()) && r.module().stream() == Stream.CONNECTORS);
        if (connectors > 0) {
            caveats.add(connectors + " connector module(s) follow the \"video\" slider (their names contain "
                    + "\"attn\"/\"ff.net\"), not \"audio\" or \"other\"");
        }
        long alphaLess = count(modules, r -> r.alpha() == null && r.rank() != null && r.rank() > 1);
        if (alphaLess > 0) {
            caveats.add(alphaLess + " module(s) without alpha: a slider s strictly between 0 and 1 scales them by "
                    + "s/rank, not s (KJNodes sets alpha = s when alpha is missing); 0 and 1 behave as expected");
        }
        long fullLokr = count(modules, r -> r.network() == NetworkType.LOKR && r.rank() == null);
        if (fullLokr > 0) {
            caveats.add(fullLokr + " full-rank LoKr module(s): sliders strictly between 0 and 1 have no effect "
                    + "(ComfyUI ignores alpha when neither LoKr factor is decomposed, and the slider sets alpha)");
        }
        return comfyLike("KJNodes LTX2LoraLoaderAdvanced", modules, caveats);
    }

    /** diffusers 0.39.0 LTX2LoraLoaderMixin.lora_state_dict / load_lora_weights. */
    static LoaderVerdict diffusers(List<ModuleResult> modules, List<String> unrecognised) {
        List<String> reasons = new ArrayList<>();
        List<String> offending = new ArrayList<>();
        for (ModuleResult r : modules) {
            r.module().parts().values().stream().map(TensorEntry::name)
                    .filter(n -> !n.contains("lora") && !n.contains("dora_scale"))
                    .forEach(offending::add);
        }
        unrecognised.stream().filter(n -> !n.contains("lora") && !n.contains("dora_scale")).forEach(offending::add);
        if (!offending.isEmpty()) {
            reasons.add("refuses the file: every key must contain \"lora\" (ValueError); " + offending.size()
                    + " do not, e.g. " + offending.get(0));
            return new LoaderVerdict("diffusers LTX2Pipeline.load_lora_weights", "fails", reasons);
        }
        boolean original = modules.stream().anyMatch(r -> r.module().format() == KeyFormat.COMFY);
        long ignored = count(modules, r -> !diffusersLoads(r.module(), original));
        if (ignored > 0) {
            reasons.add(ignored + " module(s) ignored: "
                    + (original ? "only diffusion_model.<transformer module> and text_embedding_projection. keys are "
                    + "converted when diffusion_model. keys are present (connector keys under diffusion_model. "
                    + "are dropped as unexpected)"
                    : "only transformer., connectors. and text_embedding_projection. keys are loaded"));
        }
        long dora = count(modules, r -> r.network() == NetworkType.DORA);
        if (dora > 0) {
            reasons.add(dora + " DoRA module(s) load as plain LoRA: dora_scale is dropped, so results differ");
        }
        return verdict("diffusers LTX2Pipeline.load_lora_weights", modules, ignored, dora, reasons, List.of());
    }

    /** ltx-core: LoRAs fused into the transformer only, from .lora_A.weight/.lora_B.weight pairs. */
    static LoaderVerdict lightricks(List<ModuleResult> modules) {
        List<String> reasons = new ArrayList<>();
        long notPairs = count(modules, r -> !lightricksPair(r.module()));
        if (notPairs > 0) {
            reasons.add(notPairs + " module(s) ignored: only diffusion_model.<module>.lora_A/.lora_B.weight pairs "
                    + "(or bare names) are read, so lora_down/lora_up, LoKr, LoHa and diff modules are skipped");
        }
        long connectors = count(modules, r -> lightricksPair(r.module()) && r.module().stream() == Stream.CONNECTORS);
        if (connectors > 0) {
            reasons.add(connectors + " connector module(s) ignored: LoRAs are fused into the transformer only");
        }
        long rescaled = count(modules, r -> lightricksPair(r.module()) && r.alpha() != null && r.rank() != null
                && Math.abs(r.alpha() - r.rank()) > 1e-6);
        if (rescaled > 0) {
            reasons.add(rescaled + " module(s) with alpha != rank apply at scale 1 (alpha is ignored), "
                    + "not alpha/rank as in ComfyUI");
        }
        long dora = count(modules, r -> lightricksPair(r.module()) && r.network() == NetworkType.DORA);
        if (dora > 0) {
            reasons.add(dora + " DoRA module(s) apply as plain LoRA (the magnitude is ignored)");
        }
        return verdict("Lightricks ltx-pipelines", modules, notPairs + connectors, rescaled + dora, reasons, List.of());
    }

    private static boolean projection(LoraModule m) {
        return m.format() == KeyFormat.BARE && m.module().startsWith("text_embedding_projection.");
    }

    /** ComfyUI names the connectors *_embeddings_connector, so diffusers' connectors.* names have no target. */
    private static boolean comfyMaps(LoraModule m) {
        if (m.format() == KeyFormat.BARE) {
            return !m.module().startsWith("connectors.") && !projection(m);
        }
        return m.format() == KeyFormat.COMFY || m.format() == KeyFormat.KOHYA;
    }

    private static boolean diffusersLoads(LoraModule m, boolean fileHasOriginalKeys) {
        if (m.module().startsWith("text_embedding_projection.") && m.format() == KeyFormat.BARE) {
            return true;
        }
        if (fileHasOriginalKeys) {
            return m.format() == KeyFormat.COMFY && m.stream() != Stream.CONNECTORS;
        }
        return m.format() == KeyFormat.DIFFUSERS
                || (m.format() == KeyFormat.BARE && m.module().startsWith("connectors."));
    }

    private static boolean lightricksPair(LoraModule m) {
        if (m.format() != KeyFormat.COMFY && m.format() != KeyFormat.BARE) {
            return false;
        }
        TensorEntry down = m.parts().get(Part.DOWN);
        TensorEntry up = m.parts().get(Part.UP);
        return down != null && up != null && down.name().endsWith(".lora_A.weight") && up.name().endsWith(".lora_B.weight");
    }

    private static long count(List<ModuleResult> modules, Predicate<ModuleResult> test) {
        return modules.stream().filter(test).count();
    }

    /** {@code ignored}: modules not applied at all; {@code altered}: applied, but not as trained. */
    private static LoaderVerdict verdict(String loader, List<ModuleResult> modules, long ignored, long altered,
                                         List<String> reasons, List<String> caveats) {
        List<String> all = new ArrayList<>(reasons);
        all.addAll(caveats);
        String verdict;
        if (!modules.isEmpty() && ignored >= modules.size()) {
            verdict = "fails";
        } else if (ignored + altered > 0) {
            verdict = "partial";
        } else if (!caveats.isEmpty()) {
            verdict = "caveats";
        } else {
            verdict = "ok";
        }
        return new LoaderVerdict(loader, verdict, List.copyOf(all));
    }
}
