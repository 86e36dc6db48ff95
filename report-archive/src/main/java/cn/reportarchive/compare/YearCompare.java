package cn.reportarchive.compare;

import cn.reportarchive.compare.Comparison.AspectColumns;
import cn.reportarchive.compare.Comparison.AspectPoint;
import cn.reportarchive.compare.Comparison.Column;
import cn.reportarchive.compare.Comparison.Evidence;
import cn.reportarchive.compare.Comparison.MeasureFollowUp;
import cn.reportarchive.compare.Comparison.PointText;
import cn.reportarchive.compare.Comparison.Repeat;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares an earlier and a later report of one unit or author: columns by aspect, each later
 * problem's nearest earlier problem searched across all aspects (points move between aspects from
 * year to year), and what became of each earlier measure. Pure: the reports and the pair weights in,
 * the comparison out.
 */
public final class YearCompare {
    /**
     * How repeats are decided among the two years' problems ({@link RepeatMatching}). The floor is
     * the best tune F1 among the floors that keep the generated set at precision 0.95
     * (ParaphraseTuning -Dtuning.grid): 0.64. Tune alone would take 0.16, where the generated set
     * falls to precision 0.20, its false calls different problems of one aspect sharing its stock
     * phrases; a margin over the second-nearest bought no precision there that it did not cost in
     * tune recall, so it is 0.
     */
    public static final RepeatMatching.Settings MATCHING = new RepeatMatching.Settings(0.64, 0, 0.9);
    /**
     * The second tier, 疑似重复 (possibleRepeats): the same matching at the reader's floor, 0.16, the
     * floor of best F1 on the tune half of the paraphrase set (ParaphraseQualityTest's reader's floor,
     * ParaphraseTuning -Dtuning.grid); on the clean holdout2 precision 0.733, recall 0.924, where the
     * generated set's precision is 0.20 (different problems of one aspect sharing its stock phrases).
     * So these are shown apart, for a reader to judge, and count nowhere a repeat counts.
     */
    public static final RepeatMatching.Settings POSSIBLE_MATCHING = new RepeatMatching.Settings(0.16, 0, MATCHING.sure());
    /** The similarity shown as the comparison's threshold: the floor below which no pair is a repeat. */
    public static final double REPEAT_THRESHOLD = MATCHING.floor();
    /** Share of a measure's words an account of rectification tells, from which it reports that measure (chosen on the tune half). */
    public static final double REPORTED_THRESHOLD = 0.15;
    private static final double PAIR_SHARE_SCALE = REPORTED_THRESHOLD / 0.1;
    private static final int SHARED_MIN = 4;
    private static final int SHARED_MAX = 4;

    private final Similarity similarity;
    private final AspectTaxonomy taxonomy;

    private final RepeatMatching.Settings matching;

    public YearCompare(Similarity similarity, AspectTaxonomy taxonomy) {
        this(similarity, taxonomy, MATCHING);
    }

    YearCompare(Similarity similarity, AspectTaxonomy taxonomy, RepeatMatching.Settings matching) {
        this.similarity = similarity;
        this.taxonomy = taxonomy;
        this.matching = matching;
    }

    public Comparison compare(Report from, Report to) {
        Sides s = new Sides(from, to);
        List<Repeat> closest = closest(s);
        int[] chosen = RepeatMatching.decide(s.matrix(), matching);
        List<Repeat> repeats = pairs(s, chosen);
        // the matrix is at hand: the looser matching costs a sort of its cells above 0.16
        List<Repeat> possible = pairs(s, RepeatMatching.secondTier(s.matrix(), chosen, POSSIBLE_MATCHING));
        return new Comparison(to.unit() != null ? to.unit() : from.unit(), to.author() != null ? to.author() : from.author(),
                side(from), side(to), REPEAT_THRESHOLD, columns(s), repeats, followUps(s, repeats), closest,
                POSSIBLE_MATCHING.floor(), possible);
    }

    /**
     * Which problem each measure of one report answers (measure ref → problem ref), linked as
     * {@link #compare} links them: what the 整改台账 of a year shows before the next year is archived.
     */
    public Map<String, String> answers(Report report) {
        List<Point> problems = ReportPoints.of(report, SectionType.PROBLEMS);
        List<Point> measures = ReportPoints.of(report, SectionType.MEASURES);
        Map<Point, Similarity.Prepared> prepared = new IdentityHashMap<>();
        for (List<Point> list : List.of(problems, measures)) {
            list.forEach(p -> prepared.put(p, similarity.prepare(p.text())));
        }
        Map<String, String> out = new HashMap<>();
        MeasureLinks.of(problems, measures, (a, b) -> similarity.of(prepared.get(a), prepared.get(b)))
                .forEach((m, p) -> out.put(m.ref().toString(), p.ref().toString()));
        return out;
    }

    /** The points of both reports, each prepared once. */
    private final class Sides {
        final List<Point> fromProblems;
        final List<Point> fromMeasures;
        final List<Point> toProblems;
        final List<Point> toMeasures;
        final List<Point> toAccounts;
        final Map<Point, Similarity.Prepared> prepared = new IdentityHashMap<>();
        /** Each earlier measure's parts ({@link InlineParts}), prepared. */
        final Map<Point, List<Similarity.Prepared>> parts = new IdentityHashMap<>();

        Sides(Report from, Report to) {
            fromProblems = ReportPoints.of(from, SectionType.PROBLEMS);
            fromMeasures = ReportPoints.of(from, SectionType.MEASURES);
            toProblems = ReportPoints.of(to, SectionType.PROBLEMS);
            toMeasures = ReportPoints.of(to, SectionType.MEASURES);
            toAccounts = ReportPoints.of(to, SectionType.RECTIFICATION);
            for (List<Point> list : List.of(fromProblems, fromMeasures, toProblems, toMeasures, toAccounts)) {
                list.forEach(p -> prepared.put(p, similarity.prepare(p.text())));
            }
            for (Point m : fromMeasures) {
                List<String> ps = InlineParts.of(m.text());
                parts.put(m, ps.size() == 1 ? List.of(prepared.get(m)) : ps.stream().map(similarity::prepare).toList());
            }
        }

        private double[][] matrix;

        double sim(Point a, Point b) {
            return similarity.of(prepared.get(a), prepared.get(b));
        }

        /** {@code [later][earlier]}: every later problem against every earlier one, computed once. */
        double[][] matrix() {
            if (matrix == null) {
                matrix = new double[toProblems.size()][fromProblems.size()];
                for (int j = 0; j < toProblems.size(); j++) {
                    for (int i = 0; i < fromProblems.size(); i++) {
                        matrix[j][i] = sim(toProblems.get(j), fromProblems.get(i));
                    }
                }
            }
            return matrix;
        }

        /** Pairs already shown ({@code later * earlier count + earlier}): a repeat is mostly also a later point's closest. */
        private final Map<Integer, Repeat> shown = new HashMap<>();

        /**
         * Later problem {@code j} and earlier problem {@code i} as shown: the similarity of the matrix,
         * the runs they share and the words that matched, worked out once for all the lists that show them.
         */
        Repeat repeat(int j, int i) {
            return shown.computeIfAbsent(j * fromProblems.size() + i, k -> {
                Point later = toProblems.get(j);
                Point earlier = fromProblems.get(i);
                return new Repeat(aspectPoint(later), aspectPoint(earlier), round(matrix()[j][i]),
                        SharedRuns.of(later.text(), earlier.text(), SHARED_MIN, SHARED_MAX),
                        similarity.matched(prepared.get(earlier), prepared.get(later)));
            });
        }
    }

    private static Comparison.Side side(Report r) {
        return new Comparison.Side(r.id(), r.year() == null ? 0 : r.year(), r.title());
    }

    private List<AspectColumns> columns(Sides s) {
        Map<String, List<List<PointText>>> byAspect = new LinkedHashMap<>(); // taxonomy order, then others
        taxonomy.aspects().forEach(a -> byAspect.put(a.key(), emptyColumns()));
        List<List<Point>> lists = List.of(s.fromProblems, s.fromMeasures, s.toProblems, s.toMeasures);
        for (int i = 0; i < lists.size(); i++) {
            for (Point p : lists.get(i)) {
                byAspect.computeIfAbsent(aspectOf(p), k -> emptyColumns()).get(i).add(new PointText(p.ref().toString(), p.text()));
            }
        }
        List<AspectColumns> columns = new ArrayList<>();
        byAspect.forEach((aspect, cols) -> {
            if (cols.stream().anyMatch(c -> !c.isEmpty())) {
                columns.add(new AspectColumns(aspect, taxonomy.label(aspect),
                        new Column(cols.get(0), cols.get(1)), new Column(cols.get(2), cols.get(3))));
            }
        });
        return columns;
    }

    private static List<List<PointText>> emptyColumns() {
        return List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private static String aspectOf(Point p) {
        return p.aspect() == null ? AspectTaxonomy.OTHER : p.aspect();
    }

    private List<Repeat> closest(Sides s) {
        List<Repeat> out = new ArrayList<>();
        double[][] m = s.matrix();
        for (int j = 0; j < s.toProblems.size(); j++) {
            int best = -1;
            double bestSim = 0;
            for (int i = 0; i < s.fromProblems.size(); i++) {
                if (m[j][i] > bestSim) {
                    bestSim = m[j][i];
                    best = i;
                }
            }
            if (best >= 0) {
                out.add(s.repeat(j, best));
            }
        }
        return out;
    }

    /** The pairs a matching of both lists chose ({@code chosen[later]}: the earlier index, or -1), in the later report's order. */
    private List<Repeat> pairs(Sides s, int[] chosen) {
        List<Repeat> out = new ArrayList<>();
        for (int j = 0; j < chosen.length; j++) {
            if (chosen[j] >= 0) {
                out.add(s.repeat(j, chosen[j]));
            }
        }
        return out;
    }


    private static AspectPoint aspectPoint(Point p) {
        return new AspectPoint(p.ref().toString(), p.aspect(), p.text());
    }

    private List<MeasureFollowUp> followUps(Sides s, List<Repeat> repeats) {
        Map<Point, Point> answers = MeasureLinks.of(s.fromProblems, s.fromMeasures, s::sim);
        Map<Point, Evidence> reportedBy = accounts(s, answers);
        Map<String, Repeat> repeatOf = new HashMap<>();
        for (Repeat r : repeats) {
            repeatOf.merge(r.from().ref(), r, (a, b) -> a.similarity() >= b.similarity() ? a : b);
        }
        List<MeasureFollowUp> out = new ArrayList<>();
        for (Point m : s.fromMeasures) {
            Point problem = answers.get(m);
            Evidence account = reportedBy.get(m);
            Repeat again = problem == null ? null : repeatOf.get(problem.ref().toString());
            MeasureStatus status;
            List<Evidence> evidence = new ArrayList<>();
            if (account != null) {
                status = MeasureStatus.REPORTED;
                evidence.add(account);
            } else if (again != null) {
                status = MeasureStatus.RECURRED;
                evidence.add(new Evidence(again.to().ref(), again.to().text(), again.similarity()));
            } else {
                status = MeasureStatus.NO_TRACE;
            }
            out.add(new MeasureFollowUp(new PointText(m.ref().toString(), m.text()), m.aspect(),
                    problem == null ? null : problem.ref().toString(), status, evidence));
        }
        return out;
    }

    /**
     * Which account of the later rectification section reports which earlier measure: an account
     * names the measure, its problem or both ("针对……的问题，……，已完成整改"), so it is scored by the
     * share of its words found in the two; each account reports one measure, best pairs first.
     */
    private Map<Point, Evidence> accounts(Sides s, Map<Point, Point> answers) {
        record Pair(Point measure, Point account, double score) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Point a : s.toAccounts) {
            for (Point m : s.fromMeasures) {
                Point problem = answers.get(m);
                double score = accountScore(similarity, s.prepared.get(a), s.parts.get(m),
                        problem == null ? null : s.prepared.get(problem));
                if (score >= REPORTED_THRESHOLD) {
                    pairs.add(new Pair(m, a, score));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
        Map<Point, Evidence> out = new HashMap<>();
        Map<Point, Boolean> used = new IdentityHashMap<>();
        for (Pair p : pairs) {
            if (!out.containsKey(p.measure()) && used.putIfAbsent(p.account(), true) == null) {
                out.put(p.measure(), new Evidence(p.account().ref().toString(), p.account().text(), round(p.score())));
            }
        }
        return out;
    }

    /**
     * How far an account tells what was done about a measure: the share of the measure's content
     * words (weighted, a synonym counting as in {@link Similarity}) that the account has, for the
     * best of the measure's inline parts. Accounts tell in other words and add what they did
     * (开展专题调研12次); the share of the account's own words found in the measure, the rule before,
     * missed those (35 of 60 statuses right on tune against 43 of 60). That share still counts when
     * it is the higher: accounts that restate the problem's wording are found by it.
     */
    static double accountScore(Similarity similarity, Similarity.Prepared account, List<Similarity.Prepared> measureParts,
            Similarity.Prepared problem) {
        double best = 0;
        for (Similarity.Prepared part : measureParts) {
            best = Math.max(best, similarity.wordCoverage(part, account));
            // an account that names the problem or the measure in their own words (the generator's, many
            // authors'): the share of its pairs found there, as before, scaled so that its old threshold
            // 0.1 meets this one
            best = Math.max(best, similarity.coverage(account, part, problem) * PAIR_SHARE_SCALE);
        }
        return best;
    }

    static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
