package dev.ltx2.orchestrator.lora;

import java.util.Locale;

/** Number formats shared by the text report and warnings. */
final class Numbers {
    private Numbers() {}

    static String sci(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3e", v);
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
