package cn.reportarchive.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the settings were chosen, on the TUNE half only (never a held-out file): skipped unless asked
 * for. {@code -Dtuning.grid=true}: floor and margin of {@link RepeatMatching} on tune (simulated
 * year pairs) beside the generated set's precision and recall at the same settings;
 * {@code -Dtuning.measures=true}: each tune measure case's account score and recurrence similarity;
 * {@code -Dtuning.dump=true}: every tune and generated pair's pair, word and blended scores
 * (target/paraphrase-tune-dump.tsv). Decisions tried against the hard negatives: {@link DecisionTuning}.
 */
class ParaphraseTuning {
    @TempDir
    Path tmp;

    /** The generated set's year pairs, each as its similarity matrix and its planted repeats [later][earlier]. */
    record GenPair(double[][] sim, boolean[][] planted, int plantedCount) {
    }

    static List<GenPair> generated(Path tmp, java.util.function.Function<GramWeights, Similarity> make) throws Exception {
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        Similarity sim = make.apply(corpus.weights);
        List<GenPair> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            cn.reportarchive.parse.Report from = corpus.reports.get(c.get("from").get("file").asText());
            cn.reportarchive.parse.Report to = corpus.reports.get(c.get("to").get("file").asText());
            List<Point> fp = ReportPoints.of(from, cn.reportarchive.parse.SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(to, cn.reportarchive.parse.SectionType.PROBLEMS);
            List<Similarity.Prepared> fpp = fp.stream().map(p -> sim.prepare(p.text())).toList();
            List<Similarity.Prepared> tpp = tp.stream().map(p -> sim.prepare(p.text())).toList();
            double[][] m = new double[tp.size()][fp.size()];
            boolean[][] planted = new boolean[tp.size()][fp.size()];
            int count = 0;
            for (int j = 0; j < tp.size(); j++) {
                for (int i = 0; i < fp.size(); i++) {
                    m[j][i] = sim.of(tpp.get(j), fpp.get(i));
                }
            }
            for (com.fasterxml.jackson.databind.JsonNode r : c.get("repeats")) {
                count++;
                for (int j = 0; j < tp.size(); j++) {
                    for (int i = 0; i < fp.size(); i++) {
                        if (fp.get(i).ref().toString().equals(r.get("from").asText()) && tp.get(j).ref().toString().equals(r.get("to").asText())) {
                            planted[j][i] = true;
                        }
                    }
                }
            }
            out.add(new GenPair(m, planted, count));
        }
        return out;
    }

    static double[] score(List<GenPair> gen, RepeatMatching.Settings settings) {
        int tp = 0;
        int fp = 0;
        int planted = 0;
        for (GenPair g : gen) {
            planted += g.plantedCount();
            int[] got = RepeatMatching.decide(g.sim(), settings);
            for (int j = 0; j < got.length; j++) {
                if (got[j] >= 0) {
                    if (g.planted()[j][got[j]]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
        }
        return new double[] {tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, planted)};
    }

    /** The floor and margin on tune (matching) against the generated set's precision and recall at the same settings. */
    @Test
    void jointGrid() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.grid"));
        WordView view = new WordView(SynonymClasses.load());
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        Similarity.Settings s = Similarity.Settings.CHOSEN;
        double[][] full = ParaphraseSet.matrix(tune, new Similarity(BackgroundCorpus.weights(), view, s));
        List<GenPair> gen = generated(tmp, w -> new Similarity(w, view, s));
        for (double floor = 0.10; floor <= 0.70; floor += 0.02) {
            for (double margin : new double[] {0, 0.03, 0.06, 0.1}) {
                RepeatMatching.Settings rs = new RepeatMatching.Settings(floor, margin, 0.9);
                ParaphraseSet.RepeatFigures f = ParaphraseSet.matched(tune, full, rs, 12, 20);
                double[] gf = score(gen, rs);
                System.out.println(String.format(Locale.ROOT, "GRID floor %.2f margin %.2f | tune P %.3f R %.3f F1 %.3f | gen P %.3f R %.3f",
                        floor, margin, f.precision(), f.recall(), f.f1(), gf[0], gf[1]));
            }
        }
    }

    @Test
    void dump() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.dump"));
        GramWeights weights = BackgroundCorpus.weights();
        WordView view = new WordView(SynonymClasses.load());
        Similarity.Settings s = Similarity.Settings.CHOSEN;
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        Similarity sim = new Similarity(weights, view, s);
        StringBuilder out = new StringBuilder();
        List<Similarity.Prepared> as = tune.stream().map(p -> sim.prepare(p.a())).toList();
        List<Similarity.Prepared> bs = tune.stream().map(p -> sim.prepare(p.b())).toList();
        for (int j = 0; j < tune.size(); j++) {
            for (int i = 0; i < tune.size(); i++) {
                out.append(String.format(Locale.ROOT, "T\t%d\t%d\t%s\t%s\t%.4f\t%.4f\t%.4f%n", j, i, tune.get(j).kind(), tune.get(j).same() && i == j ? 1 : 0,
                        sim.pairs(bs.get(j), as.get(i)), sim.wordScore(bs.get(j), as.get(i)), sim.of(bs.get(j), as.get(i))));
            }
        }
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        Similarity gs = new Similarity(corpus.weights, view, s);
        int pairNo = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            pairNo++;
            cn.reportarchive.parse.Report from = corpus.reports.get(c.get("from").get("file").asText());
            cn.reportarchive.parse.Report to = corpus.reports.get(c.get("to").get("file").asText());
            List<Point> fp = ReportPoints.of(from, cn.reportarchive.parse.SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(to, cn.reportarchive.parse.SectionType.PROBLEMS);
            java.util.Set<String> planted = new java.util.HashSet<>();
            for (com.fasterxml.jackson.databind.JsonNode r : c.get("repeats")) {
                planted.add(r.get("from").asText() + ">" + r.get("to").asText());
            }
            List<Similarity.Prepared> fpp = fp.stream().map(p -> gs.prepare(p.text())).toList();
            List<Similarity.Prepared> tpp = tp.stream().map(p -> gs.prepare(p.text())).toList();
            for (int j = 0; j < tp.size(); j++) {
                for (int i = 0; i < fp.size(); i++) {
                    out.append(String.format(Locale.ROOT, "G%d\t%d\t%d\t-\t%d\t%.4f\t%.4f\t%.4f%n", pairNo, j, i,
                            planted.contains(fp.get(i).ref() + ">" + tp.get(j).ref()) ? 1 : 0,
                            gs.pairs(tpp.get(j), fpp.get(i)), gs.wordScore(tpp.get(j), fpp.get(i)), gs.of(tpp.get(j), fpp.get(i))));
                }
            }
        }
        java.nio.file.Files.createDirectories(Path.of("target"));
        java.nio.file.Files.writeString(Path.of("target/paraphrase-tune-dump.tsv"), out);
    }

    @Test
    void measures() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.measures"));
        Similarity sim = new Similarity(BackgroundCorpus.weights(), new WordView(SynonymClasses.load()));
        for (ParaphraseSet.Case c : ParaphraseSet.measures("tune")) {
            double acc = c.account() == null ? -1 : YearCompare.accountScore(sim, sim.prepare(c.account()),
                    InlineParts.of(c.measure()).stream().map(sim::prepare).toList(), sim.prepare(c.problem()));
            double wc = c.account() == null ? -1 : InlineParts.of(c.measure()).stream().mapToDouble(p -> sim.wordCoverage(sim.prepare(p), sim.prepare(c.account()))).max().orElse(0);
            double again = c.laterProblem() == null ? -1 : sim.of(sim.prepare(c.laterProblem()), sim.prepare(c.problem()));
            double againP = c.account() == null ? -1 : sim.of(sim.prepare(c.account()), sim.prepare(c.problem()));
            System.out.println(String.format(Locale.ROOT, "M %s %-9s account %.3f wordcov %.3f accVsProblem %.3f laterVsProblem %.3f", c.id(), c.status(), acc, wc, againP, again));
        }
    }

    /** The generated set's calls at a low floor that its truth counts false: how much text they share verbatim. */
    @Test
    void generatedFalseCalls() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.false"));
        WordView view = new WordView(SynonymClasses.load());
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        Similarity sim = new Similarity(corpus.weights, view);
        RepeatMatching.Settings low = new RepeatMatching.Settings(0.16, 0, 0.9);
        int calls = 0;
        int[] byRun = new int[4]; // longest shared run: <6, 6-9, 10-14, 15+
        int shown = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            cn.reportarchive.parse.Report from = corpus.reports.get(c.get("from").get("file").asText());
            cn.reportarchive.parse.Report to = corpus.reports.get(c.get("to").get("file").asText());
            List<Point> fp = ReportPoints.of(from, cn.reportarchive.parse.SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(to, cn.reportarchive.parse.SectionType.PROBLEMS);
            java.util.Set<String> planted = new java.util.HashSet<>();
            c.get("repeats").forEach(r -> planted.add(r.get("from").asText() + ">" + r.get("to").asText()));
            double[][] m = new double[tp.size()][fp.size()];
            for (int j = 0; j < tp.size(); j++) {
                for (int i = 0; i < fp.size(); i++) {
                    m[j][i] = sim.of(sim.prepare(tp.get(j).text()), sim.prepare(fp.get(i).text()));
                }
            }
            int[] got = RepeatMatching.decide(m, low);
            for (int j = 0; j < got.length; j++) {
                if (got[j] < 0 || planted.contains(fp.get(got[j]).ref() + ">" + tp.get(j).ref())) {
                    continue;
                }
                calls++;
                List<String> runs = SharedRuns.of(tp.get(j).text(), fp.get(got[j]).text(), 2, 1);
                int longest = runs.isEmpty() ? 0 : TextKey.of(runs.get(0)).length();
                byRun[longest < 6 ? 0 : longest < 10 ? 1 : longest < 15 ? 2 : 3]++;
                if (shown++ < 12) {
                    System.out.println(String.format(Locale.ROOT, "FALSE %.3f run %d%n  %s%n  %s", m[j][got[j]], longest, fp.get(got[j]).text(), tp.get(j).text()));
                }
            }
        }
        System.out.println(String.format(Locale.ROOT, "FALSECALLS %d at floor 0.16; longest shared run <6: %d, 6-9: %d, 10-14: %d, 15+: %d",
                calls, byRun[0], byRun[1], byRun[2], byRun[3]));
    }
}
