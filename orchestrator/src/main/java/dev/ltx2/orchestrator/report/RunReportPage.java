package dev.ltx2.orchestrator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One self-contained HTML page for a run: every chart is inline SVG, every sample a data URI,
 * so the file can be mailed or opened anywhere without the output folder.
 */
public final class RunReportPage {
    public static final String FILE_NAME = "report.html";

    private RunReportPage() {}

    public static String render(RunReport run) throws IOException {
        StringBuilder html = new StringBuilder();
        String name = run.config().getOrDefault("name", run.dir().getFileName().toString());
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(name)).append(" · training report</title><style>")
                .append("body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
                .append(".warning{background:#fff3cd;border-left:4px solid #e0a800;padding:6px 10px;margin:6px 0}")
                .append(".fix{font-family:monospace}.voice-line{font-size:1.2em}figure{display:inline-block;margin:8px}")
                .append("</style></head><body>");
        html.append("<h1>").append(Html.escape(name)).append("</h1><p>Output folder: <code>")
                .append(Html.escape(run.dir().toString())).append("</code></p>");
        config(html, run);
        voice(html, run);
        losses(html, run);
        samples(html, run);
        return html.append("</body></html>\n").toString();
    }

    private static void config(StringBuilder html, RunReport run) {
        html.append("<section id=\"config\"><h2>Config</h2>");
        if (run.config().isEmpty()) {
            html.append("<p>No <code>config.yaml</code> in the output folder.</p>");
        } else {
            html.append("<table>");
            for (Map.Entry<String, String> e : run.config().entrySet()) {
                html.append("<tr><th>").append(Html.escape(e.getKey())).append("</th><td>")
                        .append(Html.escape(e.getValue())).append("</td></tr>");
            }
            html.append("</table><details><summary>config.yaml</summary><pre>").append(Html.escape(run.configText()))
                    .append("</pre></details>");
        }
        html.append("</section>");
    }

    private static void voice(StringBuilder html, RunReport run) {
        html.append("<section id=\"voice\"><h2>Voice</h2>");
        if (run.voiceSummary().isPresent()) {
            JsonNode summary = run.voiceSummary().get();
            html.append("<p class=\"voice-line\">").append(Html.escape(summary.path("line").asText())).append("</p>");
            html.append("<div id=\"warnings\">");
            for (JsonNode w : summary.path("warnings")) {
                html.append("<div class=\"warning\" data-code=\"").append(Html.escape(w.path("code").asText()))
                        .append("\"><b>Warning:</b> ").append(Html.escape(w.path("message").asText()))
                        .append("<br>Fix: <span class=\"fix\">").append(Html.escape(w.path("fix").asText()))
                        .append("</span></div>");
            }
            if (summary.path("warnings").isEmpty()) {
                html.append("<p>No warnings.</p>");
            }
            html.append("</div><ul>");
            summary.path("notes").forEach(n -> html.append("<li>").append(Html.escape(n.asText())).append("</li>"));
            html.append("</ul>");
        }
        if (run.voice().isEmpty()) {
            html.append("<p>No voice report in this run (<code>voice_report.csv</code> is missing: the report is off, "
                    + "or no checkpoint was written).</p></section>");
            return;
        }
        CsvTable v = run.voice().get();
        List<OptionalDouble> steps = v.column("step");
        html.append(SvgChart.render("Voice learned: held-out loss with the LoRA vs the base (%, below 0 = learned)", "%",
                List.of(new SvgChart.Series("audio", "#1f77b4", steps, percentChange(v.column("audio_learned"))),
                        new SvgChart.Series("video", "#2ca02c", steps, percentChange(v.column("video_learned"))))));
        html.append(SvgChart.render("Base kept: drift of the prediction on prompts outside the character (%)", "%",
                List.of(new SvgChart.Series("audio", "#d62728", steps, percent(v.column("audio_drift"))),
                        new SvgChart.Series("video", "#ff7f0e", steps, percent(v.column("video_drift"))))));
        html.append("<table><tr><th>step</th><th>audio learned</th><th>audio drift</th><th>video learned</th>"
                + "<th>video drift</th><th>held out</th></tr>");
        for (int i = 0; i < v.rows().size(); i++) {
            html.append("<tr><td>").append(Html.escape(v.cell(i, "step"))).append("</td><td>")
                    .append(fmt(percentChange(v.column("audio_learned")).get(i))).append("</td><td>")
                    .append(fmt(percent(v.column("audio_drift")).get(i))).append("</td><td>")
                    .append(fmt(percentChange(v.column("video_learned")).get(i))).append("</td><td>")
                    .append(fmt(percent(v.column("video_drift")).get(i))).append("</td><td>")
                    .append(Html.escape(v.cell(i, "held_out"))).append("</td></tr>");
        }
        html.append("</table></section>");
    }

    private static void losses(StringBuilder html, RunReport run) {
        html.append("<section id=\"losses\"><h2>Training losses</h2>");
        if (run.losses().isEmpty()) {
            html.append("<p>No <code>loss_log.csv</code>.</p></section>");
            return;
        }
        CsvTable l = run.losses().get();
        List<OptionalDouble> steps = l.column("step");
        html.append(SvgChart.render("Loss per step", "loss",
                List.of(new SvgChart.Series("video", "#1f77b4", steps, l.column("video_loss")),
                        new SvgChart.Series("audio (raw)", "#ff7f0e", steps, l.column("audio_loss")))));
        html.append(SvgChart.render("Audio loss multiplier (balance)", "×",
                List.of(new SvgChart.Series("audio multiplier", "#7f7f7f", steps, l.column("audio_multiplier")))));
        html.append("</section>");
    }

    private static void samples(StringBuilder html, RunReport run) throws IOException {
        html.append("<section id=\"samples\"><h2>Samples</h2>");
        if (run.samples().isEmpty()) {
            html.append("<p>No samples (sampling is off, or no sample step was reached).</p>");
        }
        for (Path sample : run.samples()) {
            String file = sample.getFileName().toString();
            String lower = file.toLowerCase(Locale.ROOT);
            String data = Base64.getEncoder().encodeToString(Files.readAllBytes(sample));
            html.append("<figure><figcaption>").append(Html.escape(file)).append("</figcaption>");
            if (lower.endsWith(".mp4") || lower.endsWith(".webm")) {
                String mime = lower.endsWith(".mp4") ? "video/mp4" : "video/webm";
                html.append("<video controls preload=\"metadata\" width=\"320\" src=\"data:").append(mime)
                        .append(";base64,").append(data).append("\"></video><br>")
                        .append("<audio controls preload=\"metadata\" src=\"data:").append(mime.replace("video", "audio"))
                        .append(";base64,").append(data).append("\"></audio>");
            } else {
                String mime = lower.endsWith(".png") ? "image/png" : lower.endsWith(".webp") ? "image/webp" : "image/jpeg";
                html.append("<img width=\"320\" alt=\"").append(Html.escape(file)).append("\" src=\"data:").append(mime)
                        .append(";base64,").append(data).append("\">");
            }
            html.append("</figure>");
        }
        html.append("</section>");
    }

    private static List<OptionalDouble> percentChange(List<OptionalDouble> ratios) {
        List<OptionalDouble> out = new ArrayList<>();
        ratios.forEach(r -> out.add(r.isPresent() ? OptionalDouble.of((r.getAsDouble() - 1) * 100) : r));
        return out;
    }

    private static List<OptionalDouble> percent(List<OptionalDouble> values) {
        List<OptionalDouble> out = new ArrayList<>();
        values.forEach(r -> out.add(r.isPresent() ? OptionalDouble.of(r.getAsDouble() * 100) : r));
        return out;
    }

    private static String fmt(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%+.2f%%", v.getAsDouble()) : "–";
    }
}
