package dev.ltx2.orchestrator.lora;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The role of one tensor inside an adapter module, recognised by the key's suffix. */
public enum Part {
    DOWN(".lora_A.weight", ".lora_down.weight", ".lora_A.default.weight"),
    UP(".lora_B.weight", ".lora_up.weight", ".lora_B.default.weight"),
    MID(".lora_mid.weight"),
    ALPHA(".alpha"),
    DORA_SCALE(".dora_scale"),
    /** ai-toolkit's name for the DoRA magnitude (toolkit/network_mixins.py get_keymap). */
    MAGNITUDE(".magnitude"),
    LOKR_W1(".lokr_w1"), LOKR_W2(".lokr_w2"),
    LOKR_W1_A(".lokr_w1_a"), LOKR_W1_B(".lokr_w1_b"),
    LOKR_W2_A(".lokr_w2_a"), LOKR_W2_B(".lokr_w2_b"),
    LOKR_T2(".lokr_t2"),
    HADA_W1_A(".hada_w1_a"), HADA_W1_B(".hada_w1_b"),
    HADA_W2_A(".hada_w2_a"), HADA_W2_B(".hada_w2_b"),
    HADA_T1(".hada_t1"), HADA_T2(".hada_t2"),
    DIFF(".diff"), DIFF_B(".diff_b");

    private final List<String> suffixes;

    Part(String... suffixes) {
        this.suffixes = List.of(suffixes);
    }

    record Match(Part part, String suffix) {}

    /** Longest suffix first, so ".lora_A.default.weight" is not mistaken for a shorter one. */
    static final List<Match> BY_LENGTH = Arrays.stream(values())
            .flatMap(p -> p.suffixes.stream().map(s -> new Match(p, s)))
            .sorted(Comparator.comparingInt((Match m) -> m.suffix().length()).reversed())
            .toList();

    static Optional<Match> match(String rest) {
        return BY_LENGTH.stream()
                .filter(m -> rest.endsWith(m.suffix()) && rest.length() > m.suffix().length())
                .findFirst();
    }

    /** The role's name in the generated Python table ({@link PythonKeyNames}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isLokr() {
        return name().startsWith("LOKR_");
    }

    public boolean isLoha() {
        return name().startsWith("HADA_");
    }
}
