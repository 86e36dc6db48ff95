package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repeats and measure statuses on the hand-written paraphrase set (src/test/resources/paraphrase),
 * written independently of the similarity and the generator. Scored on the tune half and on every
 * held-out file present ({@code problems.holdout*.jsonl}: holdout, holdout2, …):
 * <ul>
 * <li>repeats as the product decides them: the pairs dealt into simulated year pairs of
 *     {@value #REPORT_SIZE} problems ({@value #DEALS} seeded deals), the earlier report holding the
 *     pairs' first points and the later their second, and {@link RepeatMatching} with
 *     {@link YearCompare#MATCHING} deciding among all of them (a call is right only when it links a
 *     repeat pair's own two points);</li>
 * <li>the same at the reader's floor: the floor and margin that give the best F1 on tune alone
 *     (chosen here, on tune, at every run), which the product does not ship because the generated
 *     set's precision falls below 0.95 there (see BENCHMARKS.md);</li>
 * <li>the baseline (character pairs only, threshold 0.55, pairs judged one at a time);</li>
 * <li>measure statuses as {@link YearCompare} gives them, against the baseline's rule.</li>
 * </ul>
 * Held-out files are reported as aggregate figures only (precision, recall, counts per kind):
 * nothing per pair, so that reading the report does not turn them into tune data. Pair weights come
 * from {@link BackgroundCorpus} (fixed files), so every run writes the same figures to
 * target/paraphrase-quality.txt.
 */
class ParaphraseQualityTest {
    static final double BASELINE_THRESHOLD = 0.55;
    static final double BASELINE_REPORTED = 0.1;
    static final int REPORT_SIZE = 12;
    static final int DEALS = 20;
    static Similarity baseline;
    static Similarity product;

    @BeforeAll
    static void load() throws Exception {
        GramWeights weights = BackgroundCorpus.weights();
        baseline = new Similarity(weights, null, Similarity.Settings.PAIRS_ONLY);
        product = new Similarity(weights, new WordView(SynonymClasses.load()));
    }

    /** Today's rule before issue 18: the share of the account's pairs found in the measure and its problem. */
    static boolean baselineReports(Similarity s, String account, String measure, String problem) {
        return s.coverage(s.prepare(account), s.prepare(measure), problem == null ? null : s.prepare(problem)) >= BASELINE_REPORTED;
    }

    static boolean productReports(Similarity s, String account, String measure, String problem) {
        return YearCompare.accountScore(s, s.prepare(account), InlineParts.of(measure).stream().map(s::prepare).toList(),
                problem == null ? null : s.prepare(problem)) >= YearCompare.REPORTED_THRESHOLD;
    }

    /** The held-out parts present: holdout, holdout2, … (names only; their lines are read by the scoring alone). */
    static List<String> holdouts() throws Exception {
        TreeSet<String> parts = new TreeSet<>();
        try (Stream<Path> files = Files.list(ParaphraseSet.DIR)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("problems.holdout") && n.endsWith(".jsonl"))
                    .forEach(n -> parts.add(n.substring("problems.".length(), n.length() - ".jsonl".length())));
        }
        return List.copyOf(parts);
    }

    /** Figures of one part: repeats three ways, statuses two ways. */
    record Part(String name, ParaphraseSet.RepeatFigures base, ParaphraseSet.RepeatFigures shipped,
            ParaphraseSet.RepeatFigures reader, ParaphraseSet.StatusFigures baseStatus, ParaphraseSet.StatusFigures status,
            ParaphraseSet.TierFigures tiers) {
    }

    static Part score(String name, RepeatMatching.Settings reader) throws Exception {
        List<ParaphraseSet.Pair> pairs = ParaphraseSet.problems(name);
        double[][] full = ParaphraseSet.matrix(pairs, product);
        RepeatMatching.Settings alone = new RepeatMatching.Settings(BASELINE_THRESHOLD, 0, 2);
        List<ParaphraseSet.Case> cases = ParaphraseSet.measures(name);
        return new Part(name,
                ParaphraseSet.repeats(pairs, ParaphraseSet.scores(pairs, baseline), BASELINE_THRESHOLD),
                ParaphraseSet.matched(pairs, full, YearCompare.MATCHING, REPORT_SIZE, DEALS),
                ParaphraseSet.matched(pairs, full, reader, REPORT_SIZE, DEALS),
                ParaphraseSet.statuses(cases, baseline, alone, ParaphraseQualityTest::baselineReports),
                ParaphraseSet.statuses(cases, product, YearCompare.MATCHING, ParaphraseQualityTest::productReports),
                ParaphraseSet.tiers(pairs, full, YearCompare.MATCHING, YearCompare.POSSIBLE_MATCHING, REPORT_SIZE, DEALS));
    }

    /** The floor and margin of best F1 on tune, repeats decided by the matching (tune only). */
    static RepeatMatching.Settings readerFloor(StringBuilder out) throws Exception {
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        double[][] full = ParaphraseSet.matrix(tune, product);
        RepeatMatching.Settings best = null;
        double bestF1 = -1;
        for (int f = 5; f <= 60; f++) {
            for (double margin : new double[] {0, 0.02, 0.04, 0.06}) {
                RepeatMatching.Settings s = new RepeatMatching.Settings(f / 100.0, margin, YearCompare.MATCHING.sure());
                double f1 = ParaphraseSet.matched(tune, full, s, REPORT_SIZE, DEALS).f1();
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    best = s;
                }
            }
        }
        out.append(String.format(Locale.ROOT, "Reader's floor (best F1 on tune, matching): floor %.2f margin %.2f%n", best.floor(), best.margin()));
        return best;
    }

    @Test
    void figuresOnTuneAndEveryHoldout() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("Paraphrase set (src/test/resources/paraphrase): every setting chosen on tune; held-out parts shown as aggregates only.\n");
        out.append("Background pair weights: sample-docs + corpus/dev (BackgroundCorpus). Repeats decided in simulated year pairs of ")
                .append(REPORT_SIZE).append(" problems, ").append(DEALS).append(" seeded deals.\n");
        out.append(String.format(Locale.ROOT, "Shipped: floor %.2f margin %.2f (sure %.2f); account threshold %.2f%n",
                YearCompare.MATCHING.floor(), YearCompare.MATCHING.margin(), YearCompare.MATCHING.sure(),
                YearCompare.REPORTED_THRESHOLD));
        RepeatMatching.Settings reader = readerFloor(out);
        out.append('\n');
        List<Part> parts = new ArrayList<>();
        parts.add(score("tune", reader));
        for (String h : holdouts()) {
            parts.add(score(h, reader));
        }
        out.append(String.format("%-10s %-28s %9s %7s %7s%n", "part", "repeats", "precision", "recall", "F1"));
        for (Part p : parts) {
            row(out, p.name(), "baseline (pairs, 0.55, alone)", p.base());
            row(out, p.name(), "shipped (matching)", p.shipped());
            row(out, p.name(), "reader's floor (matching)", p.reader());
        }
        out.append(String.format(Locale.ROOT, "%nThe two tiers as shipped (repeats at %.2f, possibleRepeats at %.2f):%n",
                YearCompare.MATCHING.floor(), YearCompare.POSSIBLE_MATCHING.floor()));
        out.append(String.format("%-10s %-28s %s%n", "part", "recall, repeats ∪ possible", "possible repeats true / called"));
        for (Part p : parts) {
            ParaphraseSet.TierFigures t = p.tiers();
            out.append(String.format(Locale.ROOT, "%-10s %.3f (%d of %d)%12s%.3f (%d of %d)%n", p.name(), t.unionRecall(),
                    t.foundByEither(), t.repeatPairs(), "", t.possiblePrecision(), t.possibleTrue(), t.possibleCalls()));
        }
        out.append("\nCalled repeat, by kind (share of the pairs whose own two points were linked; shipped / reader's floor):\n");
        out.append(String.format("%-24s", "kind"));
        parts.forEach(p -> out.append(String.format("%22s", p.name())));
        out.append('\n');
        for (String kind : parts.get(0).shipped().byKind().keySet()) {
            out.append(String.format("%-24s", kind));
            for (Part p : parts) {
                int[] s = p.shipped().byKind().getOrDefault(kind, new int[2]);
                int[] r = p.reader().byKind().getOrDefault(kind, new int[2]);
                out.append(String.format(Locale.ROOT, "%22s", String.format(Locale.ROOT, "%.2f / %.2f", share(s), share(r))));
            }
            out.append('\n');
        }
        out.append("\nMeasure statuses right (baseline -> product):\n");
        for (Part p : parts) {
            out.append(String.format(Locale.ROOT, "%-10s %d -> %d of %d (%.3f)%n", p.name(), p.baseStatus().right(), p.status().right(),
                    p.status().total(), p.status().accuracy()));
            for (Map.Entry<String, Integer> e : p.status().confusion().entrySet()) {
                out.append("    ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
        }
        Part tune = parts.get(0);
        out.append("\nTune only, per item (wrong statuses): ").append(String.join(", ", tune.status().wrong())).append('\n');
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/paraphrase-quality.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out);
        // bounds from the figures the tune-chosen settings reached on tune (not the 0.9 targets)
        assertTrue(tune.reader().f1() >= 0.75, "tune F1 at the reader's floor " + tune.reader().f1());
        assertTrue(tune.status().right() >= 41, "tune statuses right " + tune.status().right());
        assertTrue(tune.shipped().precision() >= 0.75, "tune precision as shipped " + tune.shipped().precision());
        // held-out parts: the tune figures less a slack for a fresh set (a bound, never a target to tune to)
        for (Part p : parts.subList(1, parts.size())) {
            assertTrue(p.reader().f1() >= 0.6, p.name() + ": F1 at the reader's floor " + p.reader().f1());
            assertTrue(p.status().accuracy() >= 0.55, p.name() + ": statuses right " + p.status().accuracy());
        }
    }

    private static double share(int[] k) {
        return k[1] == 0 ? 0 : k[0] / (double) k[1];
    }

    private static void row(StringBuilder out, String part, String what, ParaphraseSet.RepeatFigures f) {
        out.append(String.format(Locale.ROOT, "%-10s %-28s %9.3f %7.3f %7.3f%n", part, what, f.precision(), f.recall(), f.f1()));
    }
}
