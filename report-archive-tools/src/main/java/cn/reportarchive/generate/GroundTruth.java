package cn.reportarchive.generate;

import cn.reportarchive.parse.SectionType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ground truth, streamed as JSON lines (ground-truth.jsonl), one object per line with a
 * "type": "meta" first; "report" for every file (what the parser should find in it); "compare"
 * for every pair of consecutive years of one author (the repeats planted, and what became of each
 * measure of the earlier year); "copy" for every material copied from another unit; "summary" last.
 * Refs are INTERFACE.md's TYPE/B/I (TYPE/B for a block written as prose without points).
 */
final class GroundTruth implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter out;
    private final boolean snippets;
    private final Map<String, Integer> counts = new TreeMap<>();

    GroundTruth(Path file, boolean snippets) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.snippets = snippets;
    }

    void meta(Map<String, Object> fields) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "meta");
        o.putAll(fields);
        line(o);
    }

    void report(GenReport rep) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "report");
        o.put("file", rep.file);
        o.put("format", rep.format);
        if (rep.charset != null) {
            o.put("charset", rep.charset);
        }
        o.put("unit", rep.unit().name());
        o.put("unitInText", rep.unitInText);
        o.put("year", rep.year);
        o.put("kind", rep.track.team() ? "team" : "personal");
        o.put("author", rep.author() == null ? null : rep.author().name());
        o.put("authorPost", rep.author() == null ? null : rep.author().post());
        o.put("authorInText", rep.authorInText);
        o.put("post", rep.postAsWritten);
        o.put("title", rep.title);
        o.put("meeting", rep.meeting);
        o.put("track", rep.track.id());
        o.put("domain", rep.unit().domain().key());
        List<Object> sections = new ArrayList<>();
        for (GenSection s : rep.sections) {
            Map<String, Object> so = new LinkedHashMap<>();
            so.put("type", s.type.key());
            List<Object> blocks = new ArrayList<>();
            for (GenBlock b : s.blocks) {
                blocks.add(List.of(b.aspect == null ? "-" : b.aspect, b.itemCount()));
            }
            so.put("blocks", blocks);
            sections.add(so);
        }
        o.put("sections", sections);
        o.put("copyOf", rep.copyOf == null ? null : rep.copyOf.file);
        if (!rep.layout.isEmpty()) {
            o.put("layout", rep.layout);
        }
        line(o);
        count("reports");
        count("format." + rep.format);
        count(rep.track.team() ? "kind.team" : "kind.personal");
    }

    /** The planted relations between an author's two consecutive reports. */
    void compare(GenReport from, GenReport to) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "compare");
        o.put("unit", to.unit().name());
        o.put("author", to.author() == null ? null : to.author().name());
        o.put("track", to.track.id());
        o.put("from", map("year", from.year, "file", from.file));
        o.put("to", map("year", to.year, "file", to.file));
        List<Object> repeats = new ArrayList<>();
        List<GenItem> later = to.problems();
        for (GenItem p : later) {
            if (p.origin == null || p.ref == null) {
                continue;
            }
            Map<String, Object> rp = new LinkedHashMap<>();
            rp.put("from", p.origin.ref);
            rp.put("to", p.ref);
            rp.put("how", p.how);
            if (p.edits != null) {
                rp.put("edits", p.edits);
            }
            GenItem root = p.origin;
            while (root.origin != null) {
                root = root.origin;
            }
            if (root != p.origin) {
                rp.put("firstSeen", map("year", root.year, "ref", root.ref));
            }
            snippet(rp, "fromStarts", p.origin);
            snippet(rp, "toStarts", p);
            repeats.add(rp);
            count("repeats." + p.how);
        }
        o.put("repeats", repeats);
        // what became of each measure of the earlier year
        Map<GenItem, GenItem> reportedBy = new LinkedHashMap<>();
        for (GenItem rect : to.items(SectionType.RECTIFICATION)) {
            if (rect.reports != null) {
                reportedBy.put(rect.reports, rect);
            }
        }
        List<GenItem> earlierProblems = from.problems();
        List<Object> measures = new ArrayList<>();
        for (GenItem m : from.measures()) {
            Map<String, Object> mo = new LinkedHashMap<>();
            mo.put("ref", m.ref);
            GenItem answered = m.answers >= 0 && m.answers < earlierProblems.size() ? earlierProblems.get(m.answers) : null;
            mo.put("answers", answered == null ? null : answered.ref);
            GenItem recurred = null;
            for (GenItem p : later) {
                if (answered != null && p.origin == answered) {
                    recurred = p;
                    break;
                }
            }
            GenItem rect = reportedBy.get(m);
            String status = rect != null ? "reported" : recurred != null ? "recurred" : "no-trace";
            mo.put("status", status);
            mo.put("evidence", rect != null ? rect.ref : recurred != null ? recurred.ref : null);
            if (rect != null && recurred != null) {
                mo.put("alsoRecurred", recurred.ref);
            }
            snippet(mo, "starts", m);
            if (rect != null || recurred != null) {
                snippet(mo, "evidenceStarts", rect != null ? rect : recurred);
            }
            measures.add(mo);
            count("measures." + status);
        }
        o.put("measures", measures);
        List<Object> again = new ArrayList<>();
        for (GenItem m : to.measures()) {
            if (m.origin != null && m.ref != null) {
                Map<String, Object> mo = new LinkedHashMap<>();
                mo.put("from", m.origin.ref);
                mo.put("to", m.ref);
                mo.put("how", m.how);
                snippet(mo, "toStarts", m);
                again.add(mo);
                count("measures.promisedAgain");
            }
        }
        o.put("promisedAgain", again);
        line(o);
        count("compare");
    }

    void copy(GenReport b) throws IOException {
        GenReport a = b.copyOf;
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "copy");
        o.put("a", who(a));
        o.put("b", who(b));
        o.put("how", b.copyHow);
        List<Object> items = new ArrayList<>();
        int total = 0;
        for (GenSection s : b.sections) {
            for (GenBlock blk : s.blocks) {
                for (GenItem i : blk.items) {
                    total++;
                    if (i.copiedFrom != null) {
                        items.add(List.of(i.copiedFrom.ref, i.ref, i.copyEdited ? "edited" : "verbatim"));
                    }
                }
            }
        }
        o.put("shared", total == 0 ? 0.0 : Math.round(1000.0 * items.size() / total) / 1000.0);
        o.put("items", items);
        line(o);
        count("copies");
    }

    /** An insertion-ordered map (Map.of would iterate in an order that changes between runs). */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> who(GenReport r) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("file", r.file);
        w.put("unit", r.unit().name());
        w.put("author", r.author() == null ? null : r.author().name());
        w.put("year", r.year);
        return w;
    }

    void summary(Map<String, Object> fields) throws IOException {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "summary");
        o.putAll(fields);
        o.put("counts", counts);
        line(o);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    private void snippet(Map<String, Object> o, String key, GenItem item) {
        if (snippets && item.text != null) {
            o.put(key, item.text.substring(0, Math.min(20, item.text.length())));
        }
    }

    private void count(String key) {
        counts.merge(key, 1, Integer::sum);
    }

    private void line(Map<String, Object> o) throws IOException {
        out.write(JSON.writeValueAsString(o));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
