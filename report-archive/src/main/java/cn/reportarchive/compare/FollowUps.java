package cn.reportarchive.compare;

import cn.reportarchive.parse.Block;
import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.Section;
import cn.reportarchive.parse.SectionType;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the report page says beyond the report itself: what became of each of its measures in the
 * next year's archived report, and how the numbers its rectification section claims ("13个问题已整改
 * 完成10个") stand against the year before as archived. Both are the comparisons 对比 makes, with the
 * report as the later year (for its claims) and as the earlier one (for its measures).
 */
public final class FollowUps {
    private final CompareService compare;

    /** {@code compare}: the caller's view (a viewer's service weighs shared text by its own units). */
    public FollowUps(CompareService compare) {
        this.compare = compare;
    }

    /** An earlier measure's fate, with its place in words. */
    public record Fate(String ref, String location, String text, MeasureStatus status, String label, List<Proof> evidence) {
    }

    /** A passage of the next year that shows it, with its place in words. */
    public record Proof(String ref, String location, String text, double similarity) {
    }

    /**
     * The numbers the rectification section claims, what the archive has for the year before
     * (points counted as 对比 counts them) and how many of last year's measures this report accounts
     * for point by point; {@code sentence} says it in one line, {@code doubts} what does not add up.
     */
    public record ClaimCheck(Comparison.Side previous, List<ClaimedNumbers.Claim> claims, ClaimedNumbers.Claim claimed,
            Integer previousProblems, Integer previousMeasures, Integer reported, String sentence, List<String> doubts) {
    }

    public record FollowUp(String reportId, Integer year, Comparison.Side next, String nextNote, List<Fate> measures,
            ClaimCheck claims) {
    }

    public FollowUp of(Report report) throws SQLException, IOException {
        Comparison.Side next = null;
        String note;
        List<Fate> fates = List.of();
        Report later = report.year() == null ? null : adjacent(report, report.year() + 1);
        if (report.year() == null) {
            note = "这份材料没有年度，无法找到下一年的材料。";
        } else if (later == null) {
            note = "档案库中还没有" + who(report) + " " + (report.year() + 1) + " 年的材料，措施的落实情况待下一年材料存档后显示。";
        } else {
            Comparison c = compare.compare(report, later);
            next = c.to();
            fates = c.measures().stream().map(FollowUps::fate).toList();
            note = "按 " + later.year() + " 年的材料《" + (later.title() == null ? "无标题" : later.title()) + "》核对。";
        }
        return new FollowUp(report.id(), report.year(), next, note, fates, claims(report));
    }

    private ClaimCheck claims(Report report) throws SQLException, IOException {
        List<ClaimedNumbers.Claim> claims = ClaimedNumbers.in(rectificationText(report));
        ClaimedNumbers.Claim claimed = ClaimedNumbers.merged(claims);
        Report before = report.year() == null ? null : adjacent(report, report.year() - 1);
        List<String> doubts = new ArrayList<>();
        boolean hasAccount = report.sections().stream().anyMatch(s -> s.type() == SectionType.RECTIFICATION);
        String silent = hasAccount ? "整改落实情况中没有写明完成的数字" : "本文没有“上年度整改落实情况”部分";
        if (before == null) {
            String sentence = (claimed == null ? silent : "原文称" + ClaimWords.claimed(claimed))
                    + "；档案库中没有" + (report.year() == null ? "上一年" : who(report) + " " + (report.year() - 1) + " 年")
                    + "的材料，无法核对。";
            return new ClaimCheck(null, claims, claimed, null, null, null, sentence, doubts);
        }
        Comparison c = compare.compare(before, report);
        int problems = ReportPoints.of(before, SectionType.PROBLEMS).size();
        int measures = ReportPoints.of(before, SectionType.MEASURES).size();
        int reported = (int) c.measures().stream().filter(m -> m.status() == MeasureStatus.REPORTED).count();
        String head = claimed == null ? silent : "原文称" + ClaimWords.claimed(claimed);
        String sentence = head + "；上年材料共 " + problems + " 条问题、" + measures + " 条措施，本文逐项报告了 " + reported + " 项。";
        if (claimed != null) {
            doubts.addAll(ClaimWords.doubts(claimed, problems, measures, reported));
        }
        return new ClaimCheck(c.from(), claims, claimed, problems, measures, reported, sentence, doubts);
    }

    /** The report of the same team or person in that year, or null when there is none (or no one report). */
    private Report adjacent(Report report, int year) throws SQLException {
        if (report.unit() == null) {
            return null;
        }
        try {
            return compare.find(report.unit(), report.author(), year);
        } catch (CompareException e) {
            return null;
        }
    }

    /**
     * The text of the rectification sections that speaks of the whole: headings and intros. The points
     * are accounts of single measures, whose figures (排查风险点27个, 制定防控措施34条, 整改差评事项17件)
     * count the work done, not last year's problems and measures.
     */
    static String rectificationText(Report report) {
        StringBuilder out = new StringBuilder();
        for (Section s : report.sections()) {
            if (s.type() != SectionType.RECTIFICATION) {
                continue;
            }
            line(out, s.heading());
            line(out, s.intro());
            for (Block b : s.blocks()) {
                line(out, b.heading());
                line(out, b.intro());
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        if (text != null && !text.isBlank()) {
            out.append(text.strip()).append('\n');
        }
    }

    private static Fate fate(Comparison.MeasureFollowUp m) {
        List<Proof> proofs = m.evidence().stream()
                .map(e -> new Proof(e.ref(), location(e.ref()), e.text(), e.similarity())).toList();
        return new Fate(m.measure().ref(), location(m.measure().ref()), m.measure().text(), m.status(), m.status().label(), proofs);
    }

    private static String location(String ref) {
        return ItemRef.tryParse(ref).map(ItemRef::label).orElse(ref);
    }

    private static String who(Report r) {
        return r.unit() + (r.author() == null ? "领导班子" : " " + r.author());
    }
}
