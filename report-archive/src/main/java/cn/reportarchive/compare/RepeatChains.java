package cn.reportarchive.compare;

import cn.reportarchive.compare.History.AspectCount;
import cn.reportarchive.compare.History.Chain;
import cn.reportarchive.compare.History.Link;
import cn.reportarchive.compare.History.YearTrend;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chains of the same problem through a unit's years, from the comparisons of each year with the
 * year before (and, for a problem that skipped a year, with the one before that).
 */
public final class RepeatChains {
    private final YearCompare compare;
    private final AspectTaxonomy taxonomy;

    public RepeatChains(YearCompare compare, AspectTaxonomy taxonomy) {
        this.compare = compare;
        this.taxonomy = taxonomy;
    }

    /** {@code reports}: one per year, of one unit and author. */
    public History of(String unit, String author, List<Report> reports) {
        List<Report> byYear = reports.stream().filter(r -> r.year() != null)
                .sorted(Comparator.comparingInt(Report::year)).toList();
        Map<String, Link> previous = new HashMap<>(); // "year|ref" of a later problem -> its earlier statement
        Set<String> reportedProblems = new HashSet<>(); // "year|ref" of problems whose measure was reported done
        Map<Integer, Set<String>> repeatedRefs = new HashMap<>();
        for (int i = 1; i < byYear.size(); i++) {
            Report later = byYear.get(i);
            Set<String> linked = new HashSet<>();
            for (int back = 1; back <= 2 && i - back >= 0; back++) {
                Report earlier = byYear.get(i - back);
                Comparison c = compare.compare(earlier, later);
                for (Comparison.Repeat r : c.repeats()) {
                    if (linked.add(r.to().ref())) {
                        previous.put(later.year() + "|" + r.to().ref(), new Link(earlier.year(), earlier.id(),
                                r.from().ref(), r.from().aspect(), r.from().text(), r.similarity()));
                        repeatedRefs.computeIfAbsent(later.year(), k -> new HashSet<>()).add(r.to().ref());
                    }
                }
                if (back == 1) {
                    c.measures().stream().filter(m -> m.status() == MeasureStatus.REPORTED && m.answers() != null)
                            .forEach(m -> reportedProblems.add(earlier.year() + "|" + m.answers()));
                }
            }
        }
        return new History(unit, author, byYear.stream().map(Report::year).toList(),
                chains(byYear, previous, reportedProblems), trend(byYear, repeatedRefs));
    }

    private static List<Chain> chains(List<Report> byYear, Map<String, Link> previous, Set<String> reportedProblems) {
        Set<String> hasSuccessor = new HashSet<>();
        previous.values().forEach(l -> hasSuccessor.add(l.year() + "|" + l.ref()));
        List<Chain> chains = new ArrayList<>();
        for (Report r : byYear) {
            for (Point p : ReportPoints.of(r, SectionType.PROBLEMS)) {
                String key = r.year() + "|" + p.ref().toString();
                if (hasSuccessor.contains(key) || !previous.containsKey(key)) {
                    continue; // not the last statement of a chain of two or more
                }
                List<Link> links = new ArrayList<>();
                Link last = previous.get(key);
                links.add(new Link(r.year(), r.id(), p.ref().toString(), p.aspect(), p.text(), last.similarity()));
                for (Link l = last; l != null; l = previous.get(l.year() + "|" + l.ref())) {
                    Link before = previous.get(l.year() + "|" + l.ref());
                    links.add(0, new Link(l.year(), l.reportId(), l.ref(), l.aspect(), l.text(), before == null ? null : before.similarity()));
                }
                boolean reported = links.stream().anyMatch(l -> reportedProblems.contains(l.year() + "|" + l.ref()));
                chains.add(new Chain(links.size(), links.stream().map(Link::year).toList(), reported, links));
            }
        }
        chains.sort(Comparator.comparingInt(Chain::times).reversed().thenComparing(c -> c.years().get(0)));
        return chains;
    }

    private List<YearTrend> trend(List<Report> byYear, Map<Integer, Set<String>> repeatedRefs) {
        List<YearTrend> trend = new ArrayList<>();
        for (Report r : byYear) {
            Map<String, int[]> counts = new LinkedHashMap<>();
            taxonomy.aspects().forEach(a -> counts.put(a.key(), new int[2]));
            Set<String> repeated = repeatedRefs.getOrDefault(r.year(), Set.of());
            for (Point p : ReportPoints.of(r, SectionType.PROBLEMS)) {
                int[] c = counts.computeIfAbsent(p.aspect() == null ? AspectTaxonomy.OTHER : p.aspect(), k -> new int[2]);
                c[0]++;
                if (repeated.contains(p.ref().toString())) {
                    c[1]++;
                }
            }
            List<AspectCount> aspects = new ArrayList<>();
            counts.forEach((k, c) -> {
                if (c[0] > 0) {
                    aspects.add(new AspectCount(k, taxonomy.label(k), c[0], c[1]));
                }
            });
            trend.add(new YearTrend(r.year(), aspects));
        }
        return trend;
    }
}
