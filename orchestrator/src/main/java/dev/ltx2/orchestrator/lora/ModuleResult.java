package dev.ltx2.orchestrator.lora;

/**
 * What inspect measured for one module. {@code norm} is ||ΔW||_F including the scale, or
 * null when it could not be computed ({@code problem} says why).
 */
public record ModuleResult(LoraModule module, NetworkType network, Integer rank, Double alpha, double scale,
                           Double norm, String problem) {

    public boolean nonFinite() {
        return problem != null && problem.startsWith(ModuleMeasurer.NON_FINITE);
    }
}
