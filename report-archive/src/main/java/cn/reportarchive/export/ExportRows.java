package cn.reportarchive.export;

import cn.reportarchive.compare.Comparison;
import cn.reportarchive.compare.Comparison.AspectColumns;
import cn.reportarchive.compare.Comparison.MeasureFollowUp;
import cn.reportarchive.compare.Comparison.PointText;
import cn.reportarchive.compare.Comparison.Repeat;
import cn.reportarchive.compare.CommonProblems;
import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.compare.History;
import cn.reportarchive.compare.Ledger;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.SectionType;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of the exports, built from the same records the JSON answers carry, so that a file and
 * the page show the same thing. One row per problem, measure, link or pair; headers in Chinese,
 * every table with the unit it is about, locations in words (问题（二）第3条) beside the refs,
 * similarities and shares as percentages.
 */
public final class ExportRows {

    /**
     * The heading of the second tier of a comparison (its possibleRepeats), the same on the 对比 page,
     * in the exports and in the text of {@code compare}: pairs below the repeat bar, for a reader to judge.
     */
    public static final String POSSIBLE_HEADING = "疑似重复（措辞不同，需人工判断）";

    private final AspectTaxonomy taxonomy;

    public ExportRows(AspectTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Every problem of both years, by aspect; a repeated one names its counterpart and what they share. */
    public ExportTable compareProblems(Comparison c) {
        ExportTable.Builder t = new ExportTable.Builder("问题对比", "单位", "作者", "方面", "年度", "位置", "编号", "问题", "重复情况",
                "对应年度", "对应位置", "对应编号", "对应问题", "相似度", "相同文字");
        Map<String, Repeat> byLater = c.repeats().stream().collect(Collectors.toMap(r -> r.to().ref(), Function.identity(), (a, b) -> a));
        Map<String, List<Repeat>> byEarlier = c.repeats().stream().collect(Collectors.groupingBy(r -> r.from().ref()));
        for (AspectColumns a : c.aspects()) {
            for (PointText p : a.from().problems()) {
                List<Repeat> later = byEarlier.getOrDefault(p.ref(), List.of());
                if (later.isEmpty()) {
                    t.row(c.unit(), c.author(), a.label(), c.from().year(), place(p.ref()), p.ref(), p.text(), "否", null, null, null, null, null, null);
                } else {
                    t.row(c.unit(), c.author(), a.label(), c.from().year(), place(p.ref()), p.ref(), p.text(), c.to().year() + "年再次提出",
                            c.to().year(), join(later, r -> place(r.to().ref())), join(later, r -> r.to().ref()),
                            join(later, r -> r.to().text()), new Percent(later.stream().mapToDouble(Repeat::similarity).max().orElse(0)),
                            join(later, r -> String.join("；", r.shared())));
                }
            }
            for (PointText p : a.to().problems()) {
                Repeat r = byLater.get(p.ref());
                if (r == null) {
                    t.row(c.unit(), c.author(), a.label(), c.to().year(), place(p.ref()), p.ref(), p.text(), "否", null, null, null, null, null, null);
                } else {
                    t.row(c.unit(), c.author(), a.label(), c.to().year(), place(p.ref()), p.ref(), p.text(), "重复" + c.from().year() + "年问题",
                            c.from().year(), place(r.from().ref()), r.from().ref(), r.from().text(), new Percent(r.similarity()),
                            String.join("；", r.shared()));
                }
            }
        }
        return t.build();
    }

    /**
     * The second tier, one row per pair as the JSON gives it (not counted among the repeats of the
     * problems table): both points, the similarity, the shared runs and the words and synonyms that
     * matched, which is what a reader weighs where the wording differs.
     */
    public ExportTable comparePossible(Comparison c) {
        ExportTable.Builder t = new ExportTable.Builder(POSSIBLE_HEADING, "单位", "作者", "序号", "年度", "方面", "位置", "编号", "问题",
                "对应年度", "对应方面", "对应位置", "对应编号", "对应问题", "相似度", "相同文字", "相同或同义的词");
        int n = 0;
        for (Repeat r : c.possibleRepeats()) {
            t.row(c.unit(), c.author(), ++n, c.to().year(), aspectLabel(r.to().aspect()), place(r.to().ref()), r.to().ref(), r.to().text(),
                    c.from().year(), aspectLabel(r.from().aspect()), place(r.from().ref()), r.from().ref(), r.from().text(),
                    new Percent(r.similarity()), String.join("；", r.shared()), String.join("、", r.matched()));
        }
        return t.build();
    }

    /** Every measure of the earlier year with what became of it in the later report. */
    public ExportTable compareMeasures(Comparison c) {
        ExportTable.Builder t = new ExportTable.Builder("措施落实", "单位", "作者", "方面", "年度", "位置", "编号", "措施", "针对问题",
                "落实情况", "依据位置", "依据编号", "依据原文", "相似度");
        for (MeasureFollowUp m : c.measures()) {
            // the evidence always stands in the later report: its account of rectification or the problem again
            var evidence = m.evidence();
            t.row(c.unit(), c.author(), aspectLabel(m.aspect()), c.from().year(),
                    place(m.measure().ref()), m.measure().ref(), m.measure().text(),
                    m.answers() == null ? null : place(m.answers()), m.status().label(),
                    evidence.isEmpty() ? null : c.to().year() + "年" + place(evidence.get(0).ref()),
                    evidence.isEmpty() ? null : evidence.get(0).ref(),
                    evidence.isEmpty() ? null : evidence.get(0).text(),
                    evidence.isEmpty() ? null : new Percent(evidence.get(0).similarity()));
        }
        return t.build();
    }

    /** One row per statement of a repeated problem, chain after chain as the JSON gives them. */
    public ExportTable chains(History h) {
        ExportTable.Builder t = new ExportTable.Builder("重复问题链", "单位", "作者", "问题链", "提出次数", "提出年度", "措施落实",
                "年度", "位置", "编号", "方面", "问题", "与上次相似度", "材料编号");
        int n = 0;
        for (History.Chain c : h.chains()) {
            n++;
            String years = c.years().stream().map(String::valueOf).collect(Collectors.joining("→"));
            for (History.Link l : c.links()) {
                t.row(h.unit(), h.author(), n, c.times(), years, c.measuresReported() ? "曾报告落实" : "从未报告落实", l.year(),
                        place(l.ref()), l.ref(), aspectLabel(l.aspect()), l.text(), Percent.of(l.similarity()), l.reportId());
            }
        }
        return t.build();
    }

    /** One row per year and aspect: how many problems, how many of them repeats. */
    public ExportTable trend(History h) {
        ExportTable.Builder t = new ExportTable.Builder("趋势", "单位", "作者", "年度", "方面", "问题条数", "其中重复");
        for (History.YearTrend y : h.trend()) {
            for (History.AspectCount a : y.aspects()) {
                t.row(h.unit(), h.author(), y.year(), a.label(), a.problems(), a.repeats());
            }
        }
        return t.build();
    }

    /** One row per example of a problem raised by many units, group after group (most units first). */
    public ExportTable common(List<CommonProblems.Group> groups) {
        ExportTable.Builder t = new ExportTable.Builder("常见问题", "序号", "单位数", "材料数", "方面", "代表性表述",
                "单位", "作者", "年度", "位置", "编号", "原文", "材料编号");
        int n = 0;
        for (CommonProblems.Group g : groups) {
            n++;
            for (CommonProblems.Located x : g.examples()) {
                t.row(n, g.units(), g.reports(), aspectLabel(g.aspect()), g.text(), x.unit(), x.author(), x.year(),
                        place(x.ref()), x.ref().toString(), x.text(), x.reportId());
            }
        }
        return t.build();
    }

    /** One row per passage a report shares with another report or a template, source after source. */
    public ExportTable copyPassages(CopyCheck c) {
        ExportTable.Builder t = new ExportTable.Builder("雷同段落", "单位", "作者", "年度", "雷同占本材料", "来源序号", "来源", "来源单位", "来源作者", "来源年度",
                "来源标题", "来源编号", "来源占本材料", "本材料位置", "本材料编号", "本材料原文", "来源位置", "来源段落编号",
                "来源原文", "相同文字");
        int n = 0;
        for (CopyCheck.Source s : c.sources()) {
            n++;
            for (CopyCheck.SharedPassage p : s.passages()) {
                t.row(c.unit(), c.author(), c.year(), new Percent(c.share()),
                        n, s.template() ? "范文" : "材料", s.unit(), s.author(), s.year(), s.title(), s.reportId(), new Percent(s.share()),
                        place(p.ref()), p.ref(), p.text(), place(p.sourceRef()), p.sourceRef(), p.sourceText(),
                        String.join("；", p.shared()));
            }
        }
        return t.build();
    }

    /** One row per pair of the archive-wide list, most copied first. */
    public ExportTable copyPairs(List<CopyCheck.Pair> pairs) {
        ExportTable.Builder t = new ExportTable.Builder("雷同材料", "序号", "材料单位", "材料作者", "材料年度", "材料标题",
                "材料编号", "来源", "来源单位", "来源作者", "来源年度", "来源标题", "来源编号", "雷同占比");
        int n = 0;
        for (CopyCheck.Pair p : pairs) {
            CopyCheck.DocRef c = p.copy();
            CopyCheck.DocRef s = p.source();
            t.row(++n, c.unit(), c.author(), c.year(), c.title(), c.reportId(), p.template() ? "范文" : "材料",
                    s.unit(), s.author(), s.year(), s.title(), s.reportId(), new Percent(p.share()));
        }
        return t.build();
    }

    /**
     * The 整改台账: one row per measure. The first seven columns are the ledger a leader fills in and
     * prints (责任人 and 完成时限 left empty); unit, year and the places follow for filtering.
     */
    public ExportTable ledger(Ledger l) {
        ExportTable.Builder t = new ExportTable.Builder("整改台账", "序号", "方面", "问题", "整改措施", "责任人", "完成时限",
                "完成情况", "单位", "作者", "年度", "措施位置", "问题位置", "依据位置").printed(7);
        for (Ledger.Row r : l.rows()) {
            t.row(r.n(), r.aspectLabel(), problemText(r), r.measure(), null, null, ledgerStatus(l, r), l.unit(), l.author(),
                    l.year(), place(r.measureRef()), place(r.problemRef()),
                    r.evidence() == null || l.next() == null ? null : l.next().year() + "年" + place(r.evidence().ref()));
        }
        return t.build();
    }

    /** The problem a ledger row's measure answers, or a note that it answers none in particular. */
    public static String problemText(Ledger.Row r) {
        return r.problem() == null ? "（综合性措施，未对应具体问题）" : r.problem();
    }

    /**
     * 完成情况 in words: the status with the sentence of the next year's report it rests on, or
     * 待下年材料 while the next year is not archived.
     */
    public static String ledgerStatus(Ledger l, Ledger.Row r) {
        if (l.next() == null || r.status() == null) {
            return "待下年材料";
        }
        int next = l.next().year();
        var e = r.evidence();
        return switch (r.status()) {
            case REPORTED -> r.status().label() + (e == null ? "" : "：" + next + "年材料" + place(e.ref()) + "写道：" + e.text());
            case RECURRED -> r.status().label() + (e == null ? "" : "：" + next + "年材料" + place(e.ref()) + "再次查摆：" + e.text()
                    + "（相似度 " + new Percent(e.similarity()).text() + "）");
            case NO_TRACE -> r.status().label() + "：" + next + "年材料既未报告它的落实，它针对的问题也未再查摆。";
        };
    }

    private String aspectLabel(String key) {
        return taxonomy.label(key == null ? AspectTaxonomy.OTHER : key);
    }

    private static <T> String join(List<T> list, Function<T, String> f) {
        return list.stream().map(f).collect(Collectors.joining("\n"));
    }

    /** A ref in words, as the pages show it: problems/3/2 → 问题（三）第2条 (see {@link ItemRef#label()}). */
    public static String place(String ref) {
        return ref == null ? "" : ItemRef.tryParse(ref).map(ItemRef::label).orElse(ref);
    }

    public static String place(ItemRef ref) {
        return ref == null ? "" : ref.label();
    }
}
