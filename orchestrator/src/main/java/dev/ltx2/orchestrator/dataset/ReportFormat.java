package dev.ltx2.orchestrator.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ltx2.orchestrator.dataset.DatasetReport.AudioForecast;
import dev.ltx2.orchestrator.dataset.DatasetReport.Dataset;
import dev.ltx2.orchestrator.dataset.DatasetReport.Finding;
import dev.ltx2.orchestrator.dataset.DatasetReport.Item;
import dev.ltx2.orchestrator.dataset.DatasetReport.Kind;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code dataset check} output: a readable report, or JSON for tools. */
public final class ReportFormat {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReportFormat() {}

    public static void human(List<DatasetReport.Process> processes, PrintWriter out) {
        for (DatasetReport.Process p : processes) {
            for (Dataset d : p.datasets()) {
                out.printf(Locale.ROOT, "%s  %s%n", d.keyPath(), d.folder());
                out.printf(Locale.ROOT, "  %s, %s, %s%s%n", d.video()
                        ? String.format(Locale.ROOT, "video: %d frames at %s fps, audio %s", d.numFrames(), fmt(d.fps()),
                        d.audio() ? "on" : "off") : "images", plural(d.clips(), "clip"), plural(d.images(), "image"),
                        d.weight() > 1 ? ", each seen ×" + d.weight() + " per epoch" : "");
                d.findings().forEach(f -> out.println("  " + label(f) + f.message()));
                for (Item i : d.items()) {
                    out.println("  " + i.name() + "  " + describe(i));
                    i.findings().forEach(f -> out.println("      " + label(f) + f.message()));
                }
            }
            AudioForecast a = p.audio();
            out.println("audio supervision (process " + p.index() + "):");
            if (a.share() != null) {
                out.printf(Locale.ROOT, "  predicted share of video steps with real audio: %.0f%% (%d of %d weighted video "
                        + "items%s)%n", a.share() * 100, a.supervised(), a.eligible(),
                        a.strict() ? String.format(Locale.ROOT, "; strict_audio_mode needs %.0f%%", a.minRatio() * 100) : "");
            }
            if (!a.withoutAudio().isEmpty()) {
                out.println("  clips that will train without audio:");
                a.withoutAudio().forEach(c -> out.println("    " + c));
            }
            if (!a.audioOff().isEmpty()) {
                out.println("  clips in datasets with do_audio: false (not counted):");
                a.audioOff().forEach(c -> out.println("    " + c));
            }
            if (a.verdict() != null) {
                out.println("  " + label(a.verdict()) + a.verdict().message());
            }
        }
    }

    private static String describe(Item i) {
        MediaInfo m = i.media();
        if (!m.readable()) {
            return "unreadable";
        }
        StringBuilder s = new StringBuilder();
        if (m.video() != null) {
            MediaInfo.Video v = m.video();
            s.append(v.width()).append('x').append(v.height());
            if (i.kind() == Kind.VIDEO) {
                s.append(String.format(Locale.ROOT, " %s fps %.2f s %d frames", fmt(Math.round(v.fps() * 1000) / 1000.0),
                        v.duration() > 0 ? v.duration() : m.duration(), v.frames()));
            }
        }
        if (i.kind() == Kind.VIDEO) {
            s.append(m.firstAudio().map(a -> String.format(Locale.ROOT, "  audio %s %d Hz %dch %.2f s", a.codec(),
                    a.sampleRate(), a.channels(), a.duration())).orElse("  no audio"));
        }
        s.append("  caption ").append(i.caption().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (!i.buckets().isEmpty()) {
            s.append("  bucket ").append(String.join(", ", i.buckets().stream().map(Object::toString).toList()));
        }
        s.append(m.decodable() ? "  decodes" : "");
        return s.toString();
    }

    public static ObjectNode json(List<DatasetReport.Process> processes, boolean ok) {
        ObjectNode root = F.objectNode();
        root.put("ok", ok);
        ArrayNode ps = root.putArray("processes");
        for (DatasetReport.Process p : processes) {
            ObjectNode po = ps.addObject();
            po.put("index", p.index());
            ArrayNode ds = po.putArray("datasets");
            for (Dataset d : p.datasets()) {
                ObjectNode dn = ds.addObject();
                dn.put("keyPath", d.keyPath());
                dn.put("folder", d.folder().toString());
                dn.put("video", d.video());
                dn.put("audio", d.audio());
                dn.put("numFrames", d.numFrames());
                dn.put("fps", d.fps());
                dn.put("weight", d.weight());
                dn.put("clips", d.clips());
                dn.put("images", d.images());
                dn.set("findings", findings(d.findings()));
                ArrayNode items = dn.putArray("items");
                d.items().forEach(i -> items.add(item(i)));
            }
            AudioForecast a = p.audio();
            ObjectNode an = po.putObject("audio");
            an.put("eligibleWeight", a.eligible());
            an.put("supervisedWeight", a.supervised());
            if (a.share() == null) {
                an.putNull("predictedSupervisedShare");
            } else {
                an.put("predictedSupervisedShare", a.share());
            }
            an.put("strictAudioMode", a.strict());
            an.put("minSupervisedRatio", a.minRatio());
            ArrayNode w = an.putArray("clipsWithoutAudio");
            a.withoutAudio().forEach(w::add);
            ArrayNode off = an.putArray("clipsWithAudioOff");
            a.audioOff().forEach(off::add);
            if (a.verdict() == null) {
                an.putNull("verdict");
            } else {
                an.set("verdict", finding(a.verdict()));
            }
        }
        return root;
    }

    private static ObjectNode item(Item i) {
        ObjectNode n = F.objectNode();
        n.put("file", i.file().toString());
        n.put("kind", i.kind().name().toLowerCase(Locale.ROOT));
        MediaInfo m = i.media();
        n.put("readable", m.readable());
        n.put("decodable", m.decodable());
        if (m.readError() != null || m.decodeError() != null) {
            n.put("error", m.readError() != null ? m.readError() : m.decodeError());
        }
        if (m.video() != null) {
            ObjectNode v = n.putObject("video");
            v.put("codec", m.video().codec());
            v.put("width", m.video().width());
            v.put("height", m.video().height());
            v.put("fps", m.video().fps());
            v.put("frames", m.video().frames());
            v.put("duration", m.video().duration() > 0 ? m.video().duration() : m.duration());
        }
        ArrayNode audio = n.putArray("audio");
        for (MediaInfo.Audio a : m.audio()) {
            ObjectNode an = audio.addObject();
            an.put("codec", a.codec());
            an.put("sampleRate", a.sampleRate());
            an.put("channels", a.channels());
            an.put("duration", a.duration());
        }
        n.put("caption", i.caption().name().toLowerCase(Locale.ROOT));
        ArrayNode b = n.putArray("buckets");
        i.buckets().forEach(s -> b.add(s.toString()));
        n.put("audioExpected", i.audioExpected());
        n.put("trainsWithAudio", i.trainsWithAudio());
        n.set("findings", findings(i.findings()));
        return n;
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode a = F.arrayNode();
        findings.forEach(f -> a.add(finding(f)));
        return a;
    }

    private static ObjectNode finding(Finding f) {
        return F.objectNode().put("severity", f.severity().name().toLowerCase(Locale.ROOT)).put("message", f.message());
    }

    private static String label(Finding f) {
        return f.severity() == DatasetReport.Severity.ERROR ? "error: " : "warning: ";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
