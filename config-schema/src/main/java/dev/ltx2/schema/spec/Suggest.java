package dev.ltx2.schema.spec;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean": the closest known name by edit distance (adjacent swaps count as one edit). */
public final class Suggest {
    private Suggest() {}

    public static Optional<String> closest(String typo, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(typo.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(1, Math.min(4, typo.length() / 3));
        if (best != null && bestDistance <= allowed) {
            return Optional.of(best);
        }
        // a prefix or suffix of a long key ("audio_loss_mult") is a likely abbreviation
        for (String c : candidates) {
            if (typo.length() >= 6 && (c.startsWith(typo) || c.endsWith(typo))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
