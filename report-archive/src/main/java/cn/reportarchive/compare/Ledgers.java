package cn.reportarchive.compare;

import cn.reportarchive.compare.Comparison.MeasureFollowUp;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the 整改台账 from a report and, where there is one, its comparison with the next year:
 * the rows are the comparison's measure follow-ups, so the ledger and 对比 never disagree about a
 * measure. Pure: reports and follow-ups in, the ledger out.
 */
final class Ledgers {
    private Ledgers() {
    }

    /** With the next year: every measure's status and evidence as {@code next} gives them. */
    static Ledger of(Report report, Comparison next, AspectTaxonomy taxonomy) {
        List<MeasureFollowUp> followUps = next.measures();
        Map<String, String> answers = new HashMap<>();
        followUps.forEach(m -> {
            if (m.answers() != null) {
                answers.put(m.measure().ref(), m.answers());
            }
        });
        Map<String, MeasureFollowUp> byRef = new HashMap<>();
        followUps.forEach(m -> byRef.put(m.measure().ref(), m));
        return build(report, answers, byRef, next.to(), taxonomy);
    }

    /** Without the next year: the measures and the problems they answer, no status yet. */
    static Ledger of(Report report, Map<String, String> answers, AspectTaxonomy taxonomy) {
        return build(report, answers, Map.of(), null, taxonomy);
    }

    private static Ledger build(Report report, Map<String, String> answers, Map<String, MeasureFollowUp> followUps,
            Comparison.Side next, AspectTaxonomy taxonomy) {
        Map<String, String> problems = new HashMap<>();
        for (Point p : ReportPoints.of(report, SectionType.PROBLEMS)) {
            problems.put(p.ref().toString(), p.text());
        }
        List<Ledger.Row> rows = new ArrayList<>();
        int n = 0;
        for (Point m : ReportPoints.of(report, SectionType.MEASURES)) {
            String ref = m.ref().toString();
            String problemRef = answers.get(ref);
            MeasureFollowUp f = followUps.get(ref);
            String aspect = m.aspect() == null ? AspectTaxonomy.OTHER : m.aspect();
            rows.add(new Ledger.Row(++n, aspect, taxonomy.label(aspect), problemRef,
                    problemRef == null ? null : problems.get(problemRef), ref, m.text(),
                    f == null ? null : f.status(), f == null || f.evidence().isEmpty() ? null : f.evidence().get(0)));
        }
        return new Ledger(report.unit(), report.author(), report.year() == null ? 0 : report.year(), report.id(),
                report.title(), next, rows);
    }
}
