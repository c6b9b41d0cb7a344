package dev.ltx2.orchestrator.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** A small inline SVG line chart (no script, no external file): one polyline per series. */
public final class SvgChart {
    public record Series(String label, String color, List<OptionalDouble> x, List<OptionalDouble> y) {}

    private static final int W = 640;
    private static final int H = 260;
    private static final int PAD = 44;

    private SvgChart() {}

    public static String render(String title, String yLabel, List<Series> series) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().size(); i++) {
                if (s.x().get(i).isPresent() && s.y().get(i).isPresent()) {
                    minX = Math.min(minX, s.x().get(i).getAsDouble());
                    maxX = Math.max(maxX, s.x().get(i).getAsDouble());
                    minY = Math.min(minY, s.y().get(i).getAsDouble());
                    maxY = Math.max(maxY, s.y().get(i).getAsDouble());
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" "
                + "width=\"%d\" height=\"%d\" xmlns=\"http://www.w3.org/2000/svg\">", Html.escape(title), W, H, W, H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s</text>", PAD, Html.escape(title)));
        if (minX > maxX) {
            return svg.append("<text x=\"44\" y=\"120\" font-size=\"12\">no data</text></svg>").toString();
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        if (maxY == minY) {
            maxY = minY + Math.max(1e-9, Math.abs(minY) * 0.1);
            minY = minY - (maxY - minY);
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", PAD, H - PAD, W - 10, H - PAD));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"30\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", PAD, PAD, H - PAD));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"36\" font-size=\"10\">%.3g</text>", maxY));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\" font-size=\"10\">%.3g</text>", H - PAD, minY));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">step %.0f</text>", PAD, H - PAD + 14, minX));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">step %.0f</text>",
                W - 10, H - PAD + 14, maxX));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>", PAD + 4, 30, Html.escape(yLabel)));
        int legend = 0;
        for (Series s : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < s.x().size(); i++) {
                if (s.x().get(i).isPresent() && s.y().get(i).isPresent()) {
                    double px = PAD + (s.x().get(i).getAsDouble() - minX) / (maxX - minX) * (W - PAD - 10);
                    double py = (H - PAD) - (s.y().get(i).getAsDouble() - minY) / (maxY - minY) * (H - PAD - 30);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            svg.append(String.format(Locale.ROOT, "<polyline data-series=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
                    + "points=\"%s\"/>", Html.escape(s.label()), s.color(), points.toString().strip()));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>",
                    W - 250, 30 + 14 * legend++, s.color(), Html.escape(s.label())));
        }
        return svg.append("</svg>").toString();
    }
}
