package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Repeats and measure statuses on the hand-written paraphrase set (src/test/resources/paraphrase),
 * written independently of the similarity and the generator. Two similarities are scored on both
 * halves: the baseline (character pairs only, threshold 0.55, accounts by the share of their pairs
 * found in the measure and its problem) and the product's ({@link Similarity.Settings#CHOSEN},
 * {@link YearCompare}'s thresholds and account rule). Settings and thresholds were chosen on the
 * tune half only; the holdout figures are the ones to quote. Pair weights come from
 * {@link BackgroundCorpus} (fixed files in the repository), so every run writes the same figures to
 * target/paraphrase-quality.txt.
 */
class ParaphraseQualityTest {
    static final double BASELINE_THRESHOLD = 0.55;
    static final double BASELINE_REPORTED = 0.1;
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

    @Test
    void figuresOnBothHalves() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("Paraphrase set (src/test/resources/paraphrase): settings and thresholds chosen on tune; quote holdout.\n");
        out.append("Background pair weights: sample-docs + corpus/dev (BackgroundCorpus).\n\n");
        ParaphraseSet.RepeatFigures finalHoldout = null;
        ParaphraseSet.RepeatFigures baseHoldout = null;
        ParaphraseSet.StatusFigures finalStatus = null;
        ParaphraseSet.StatusFigures baseStatus = null;
        for (String part : List.of("tune", "holdout")) {
            List<ParaphraseSet.Pair> pairs = ParaphraseSet.problems(part);
            List<ParaphraseSet.Case> cases = ParaphraseSet.measures(part);
            ParaphraseSet.RepeatFigures b = ParaphraseSet.repeats(pairs, ParaphraseSet.scores(pairs, baseline), BASELINE_THRESHOLD);
            ParaphraseSet.RepeatFigures f = ParaphraseSet.repeats(pairs, ParaphraseSet.scores(pairs, product), YearCompare.REPEAT_THRESHOLD);
            ParaphraseSet.StatusFigures bs = ParaphraseSet.statuses(cases, baseline, BASELINE_THRESHOLD, ParaphraseQualityTest::baselineReports);
            ParaphraseSet.StatusFigures fs = ParaphraseSet.statuses(cases, product, YearCompare.REPEAT_THRESHOLD, ParaphraseQualityTest::productReports);
            write(out, part + " baseline (pairs only, threshold " + BASELINE_THRESHOLD + ")", b, bs);
            write(out, part + " final (pairs + words + synonyms, threshold " + YearCompare.REPEAT_THRESHOLD + ")", f, fs);
            if (part.equals("holdout")) {
                finalHoldout = f;
                baseHoldout = b;
                finalStatus = fs;
                baseStatus = bs;
            }
        }
        // the threshold the tune half alone would choose (best F1, pairs judged one by one), applied to holdout:
        // what the word view is worth where no other point competes; the product cannot use it (see YearCompare)
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        double[] tuneScores = ParaphraseSet.scores(tune, product);
        double bestT = 0;
        double bestF = -1;
        for (int i = 5; i < 90; i++) {
            double f1 = ParaphraseSet.repeats(tune, tuneScores, i / 100.0).f1();
            if (f1 > bestF) {
                bestF = f1;
                bestT = i / 100.0;
            }
        }
        List<ParaphraseSet.Pair> holdout = ParaphraseSet.problems("holdout");
        ParaphraseSet.RepeatFigures atTuneBest = ParaphraseSet.repeats(holdout, ParaphraseSet.scores(holdout, product), bestT);
        out.append(String.format("== holdout at the tune-best pairwise threshold %.2f (tune F1 %.3f)%n"
                + "repeats: precision %.3f recall %.3f F1 %.3f%n", bestT, bestF, atTuneBest.precision(), atTuneBest.recall(), atTuneBest.f1()));
        atTuneBest.byKind().forEach((kind, k) -> out.append(String.format("  %s: called repeat %d of %d%n", kind, k[0], k[1])));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/paraphrase-quality.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out);
        // the figures reached when the settings were fixed (targets 0.9 are not met, see BENCHMARKS.md):
        // these bounds keep them from slipping
        assertTrue(finalHoldout.tp() >= baseHoldout.tp(), "words and synonyms find at least the repeats pairs find");
        assertTrue(finalHoldout.precision() >= 0.75, "holdout precision " + finalHoldout.precision());
        assertTrue(finalStatus.right() >= baseStatus.right(), "statuses no worse than the baseline");
    }

    private static void write(StringBuilder out, String title, ParaphraseSet.RepeatFigures f, ParaphraseSet.StatusFigures s) {
        out.append(String.format("== %s%nrepeats: precision %.3f recall %.3f F1 %.3f (true %d, false %d, missed %d)%n",
                title, f.precision(), f.recall(), f.f1(), f.tp(), f.fp(), f.fn()));
        f.byKind().forEach((kind, k) -> out.append(String.format("  %s: called repeat %d of %d%n", kind, k[0], k[1])));
        out.append(String.format("measures: status right %d of %d (%.3f)%n", s.right(), s.total(), s.accuracy()));
        s.confusion().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        out.append("  wrong: ").append(String.join(", ", f.wrong())).append('\n');
        out.append("  wrong statuses: ").append(String.join(", ", s.wrong())).append("\n\n");
    }
}
