package cn.reportarchive.export;

import cn.reportarchive.compare.Comparison;
import cn.reportarchive.compare.Comparison.AspectColumns;
import cn.reportarchive.compare.Comparison.MeasureFollowUp;
import cn.reportarchive.compare.Comparison.PointText;
import cn.reportarchive.compare.Comparison.Repeat;
import cn.reportarchive.compare.MeasureStatus;
import cn.reportarchive.export.WordDocument.Rich;
import cn.reportarchive.parse.AspectTaxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 对比 as a Word document: the two years side by side by aspect, each repeated problem badged
 * 【重复n】 on both sides with the shared text highlighted, each earlier measure with its status and
 * evidence; the pairs numbered as the page numbers them (in the order the later problems stand).
 */
public final class CompareDocx {
    private final AspectTaxonomy taxonomy;

    public CompareDocx(AspectTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public static String title(Comparison c) {
        return PrintHeading.subject(c.unit(), c.author()) + "　" + c.from().year() + "年与" + c.to().year() + "年对照检查材料对比";
    }

    public byte[] write(Comparison c, PrintHeading heading) {
        WordDocument doc = new WordDocument(heading);
        doc.title(title(c));
        Pairs pairs = new Pairs(c);
        Map<MeasureStatus, Integer> counts = new HashMap<>();
        c.measures().forEach(m -> counts.merge(m.status(), 1, Integer::sum));
        Rich summary = Rich.of("重复问题 ").strong(String.valueOf(pairs.count)).text(" 组（相似度 ≥ "
                + new Percent(c.threshold()).text() + "）；" + c.from().year() + "年措施 " + c.measures().size() + " 条：");
        for (MeasureStatus s : MeasureStatus.values()) {
            summary.colored(s.label(), WordExports.statusColor(s)).text(" " + counts.getOrDefault(s, 0) + " 条"
                    + (s == MeasureStatus.NO_TRACE ? "。" : "，"));
        }
        summary.newParagraph().text("左栏是" + c.from().year() + "年，右栏是" + c.to().year() + "年，都按方面排列。后一年的问题与前一年某条问题实质相同（不论归在哪个方面）时，两边标上同一编号【重复n】，")
                .text("黄色底纹").text("为两年相同的文字。");
        doc.paragraph(summary);
        doc.paragraph(WordExports.statusLegend());

        WordDocument.Table t = doc.table(new int[] {1, 1}, c.from().year() + "年　" + orNone(c.from().title()),
                c.to().year() + "年　" + orNone(c.to().title()));
        Map<String, MeasureFollowUp> followUps = new HashMap<>();
        c.measures().forEach(m -> followUps.put(m.measure().ref(), m));
        Set<String> shown = new HashSet<>();
        for (AspectColumns a : c.aspects()) {
            t.band(Rich.bold(a.label()), WordExports.BAND);
            if (!a.from().problems().isEmpty() || !a.to().problems().isEmpty()) {
                t.band(Rich.bold("问题"), null);
                for (int i = 0; i < Math.max(a.from().problems().size(), a.to().problems().size()); i++) {
                    t.row(earlierProblem(at(a.from().problems(), i), pairs), laterProblem(c, at(a.to().problems(), i), pairs));
                }
            }
            if (!a.from().measures().isEmpty() || !a.to().measures().isEmpty()) {
                t.band(Rich.bold("措施"), null);
                for (int i = 0; i < Math.max(a.from().measures().size(), a.to().measures().size()); i++) {
                    PointText m = at(a.from().measures(), i);
                    if (m != null) {
                        shown.add(m.ref());
                    }
                    t.row(m == null ? null : measure(c, m, followUps.get(m.ref()), a.aspect()), plain(at(a.to().measures(), i)));
                }
            }
        }
        List<MeasureFollowUp> loose = c.measures().stream().filter(m -> !shown.contains(m.measure().ref())).toList();
        if (!loose.isEmpty()) { // a measure outside the aspect columns would otherwise not be shown
            t.band(Rich.bold("其他措施"), WordExports.BAND);
            loose.forEach(m -> t.row(measure(c, m.measure(), m, null), null));
        }
        if (c.aspects().isEmpty()) {
            doc.paragraph(Rich.of("两份材料都没有识别出问题或措施，无法逐条对比；请打开材料查看原文。"));
        }
        possible(doc, c);
        return doc.bytes();
    }

    /**
     * The second tier after the side-by-side table, in a table of its own and outside the count of
     * repeats: each later problem beside the earlier one it may restate, shared runs highlighted,
     * the words and synonyms that matched named.
     */
    private static void possible(WordDocument doc, Comparison c) {
        doc.heading(ExportRows.POSSIBLE_HEADING + c.possibleRepeats().size() + " 条");
        if (c.possibleRepeats().isEmpty()) {
            doc.paragraph(Rich.of("两年的问题中没有未达重复标准、但彼此最为相近的条目。"));
            return;
        }
        doc.paragraph(Rich.of("以下各对相似度低于重复标准（" + new Percent(c.threshold()).text() + "），但在两年问题的一一配对中彼此最为相近（相似度 ≥ "
                + new Percent(c.possibleThreshold()).text() + "），可能是同一问题换了说法，也可能只是同一方面的不同问题，请逐条判断；不计入重复问题。"));
        WordDocument.Table t = doc.table(new int[] {1, 1}, c.to().year() + "年", c.from().year() + "年");
        int n = 0;
        for (Repeat r : c.possibleRepeats()) {
            Rich later = Rich.bold(ExportRows.place(r.to().ref())).text(" 〔疑似" + (++n) + "〕 相似度 "
                    + new Percent(r.similarity()).text()).newParagraph().marked(r.to().text(), r.shared());
            if (!r.matched().isEmpty()) {
                later.newParagraph().strong("相同或同义的词：").text(String.join("、", r.matched()));
            }
            t.row(later, Rich.bold(ExportRows.place(r.from().ref())).newParagraph().marked(r.from().text(), r.shared()));
        }
    }

    private static Rich earlierProblem(PointText p, Pairs pairs) {
        if (p == null) {
            return null;
        }
        Rich r = Rich.bold(ExportRows.place(p.ref()));
        List<String> runs = new ArrayList<>();
        for (Pair pair : pairs.byFrom.getOrDefault(p.ref(), List.of())) {
            r.text(" ").colored("【重复" + pair.n + "】", WordExports.pairColor(pair.n));
            runs.addAll(pair.repeat.shared());
        }
        return r.newParagraph().marked(p.text(), runs);
    }

    private static Rich laterProblem(Comparison c, PointText p, Pairs pairs) {
        if (p == null) {
            return null;
        }
        Rich r = Rich.bold(ExportRows.place(p.ref()));
        Pair pair = pairs.byTo.get(p.ref());
        if (pair == null) {
            return r.newParagraph().text(p.text());
        }
        r.text(" ").colored("【重复" + pair.n + "】", WordExports.pairColor(pair.n))
                .text(" 相似度 " + new Percent(pair.repeat.similarity()).text() + "，同" + c.from().year() + "年"
                        + ExportRows.place(pair.repeat.from().ref()));
        return r.newParagraph().marked(p.text(), pair.repeat.shared());
    }

    private Rich measure(Comparison c, PointText m, MeasureFollowUp f, String columnAspect) {
        Rich r = Rich.bold(ExportRows.place(m.ref()));
        if (f != null) {
            r.text(" ").colored("〔" + f.status().label() + "〕", WordExports.statusColor(f.status()));
            if (f.answers() != null) {
                r.text(" 针对" + ExportRows.place(f.answers()));
            }
            if (f.aspect() != null && !f.aspect().equals(columnAspect)) {
                r.text("（" + taxonomy.label(f.aspect()) + "）");
            }
        }
        r.newParagraph().text(m.text());
        if (f != null) {
            for (Comparison.Evidence e : f.evidence()) {
                r.newParagraph().strong(f.status() == MeasureStatus.REPORTED ? "落实情况：" : "再次出现：")
                        .text(c.to().year() + "年" + ExportRows.place(e.ref()) + "　" + e.text());
            }
        }
        return r;
    }

    private static Rich plain(PointText p) {
        return p == null ? null : Rich.bold(ExportRows.place(p.ref())).newParagraph().text(p.text());
    }

    private static <T> T at(List<T> list, int i) {
        return i < list.size() ? list.get(i) : null;
    }

    private static String orNone(String title) {
        return title == null || title.isBlank() ? "（无标题）" : title;
    }

    private record Pair(int n, Repeat repeat) {
    }

    /** The repeats numbered in the order their later problems stand, indexed by each side's ref. */
    private static final class Pairs {
        final Map<String, Pair> byTo = new HashMap<>();
        final Map<String, List<Pair>> byFrom = new HashMap<>();
        final int count;

        Pairs(Comparison c) {
            List<String> order = new ArrayList<>();
            c.aspects().forEach(a -> a.to().problems().forEach(p -> order.add(p.ref())));
            List<Repeat> repeats = new ArrayList<>(c.repeats());
            repeats.sort(java.util.Comparator.comparingInt(r -> order.indexOf(r.to().ref())));
            int n = 0;
            for (Repeat r : repeats) {
                Pair p = new Pair(++n, r);
                byTo.put(r.to().ref(), p);
                byFrom.computeIfAbsent(r.from().ref(), k -> new ArrayList<>()).add(p);
            }
            count = n;
        }
    }
}
