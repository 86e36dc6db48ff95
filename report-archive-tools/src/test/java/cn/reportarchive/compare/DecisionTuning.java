package cn.reportarchive.compare;

import cn.reportarchive.compare.ParaphraseTuning.GenPair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions tried against the hard negatives, each on tune's simulated year pairs beside the
 * generated set at the same settings (TUNE and the generated set only, never a held-out file;
 * skipped unless asked for): {@code -Dtuning.decisions} (local scaling within the year pair, and a
 * lower floor for pairs without shared stock runs), {@code -Dtuning.hubs} (hubness against a fixed
 * background), {@code -Dtuning.fitted} (a fitted combination). None is shipped; the figures are in
 * BENCHMARKS.md, "## Repeats".
 */
class DecisionTuning {
    @TempDir
    Path tmp;

    /**
     * Two decisions tried against the hard negatives (tune simulated year pairs beside the generated
     * set, {@code -Dtuning.decisions=true}): the matching on the blend local-scaled within each year
     * pair ({@link Separability#localScaled}: a point alike to all its neighbours counts less), and a
     * second, lower floor for pairs that share no verbatim run of 5 characters or only a little
     * ({@link Separability#sharedRuns}: stock clauses reused for another problem), the copy floor 0.64
     * kept for the rest. The second is run as a shifted score (the lower floor moved onto 0.64).
     */
    @Test
    void decisions() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.decisions"));
        WordView view = new WordView(SynonymClasses.load());
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        List<String> as = tune.stream().map(ParaphraseSet.Pair::a).toList();
        List<String> bs = tune.stream().map(ParaphraseSet.Pair::b).toList();
        GramWeights background = BackgroundCorpus.weights();
        Separability.Feature blend = Separability.fromSimilarity(w -> new Similarity(w, view), "of");
        Separability.Feature runs = Separability.sharedRuns(5);
        double[][] full = blend.of(bs, as, background);
        double[][] fullRuns = runs.of(bs, as, background);
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        List<GenPair> gen = new ArrayList<>();
        List<double[][]> genRuns = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            List<Point> fp = ReportPoints.of(corpus.reports.get(c.get("from").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(corpus.reports.get(c.get("to").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS);
            List<String> ft = fp.stream().map(Point::text).toList();
            List<String> tt = tp.stream().map(Point::text).toList();
            boolean[][] planted = new boolean[tp.size()][fp.size()];
            int count = 0;
            for (com.fasterxml.jackson.databind.JsonNode r : c.get("repeats")) {
                count++;
                for (int j = 0; j < tp.size(); j++) {
                    for (int i = 0; i < fp.size(); i++) {
                        planted[j][i] |= fp.get(i).ref().toString().equals(r.get("from").asText()) && tp.get(j).ref().toString().equals(r.get("to").asText());
                    }
                }
            }
            gen.add(new GenPair(blend.of(tt, ft, corpus.weights), planted, count));
            genRuns.add(runs.of(tt, ft, corpus.weights));
        }
        java.util.function.UnaryOperator<double[][]> scaled = m -> Separability.localScaled((l, e, w) -> m).of(
                java.util.Collections.nCopies(m.length, ""), java.util.Collections.nCopies(m.length == 0 ? 0 : m[0].length, ""), null);
        List<GenPair> genScaled = gen.stream().map(g -> new GenPair(scaled.apply(g.sim()), g.planted(), g.plantedCount())).toList();
        for (double floor = -0.10; floor <= 0.301; floor += 0.05) {
            RepeatMatching.Settings rs = new RepeatMatching.Settings(floor, 0, 2);
            ParaphraseSet.RepeatFigures f = ParaphraseSet.matched(tune, full, rs, 12, 20, scaled);
            double[] gf = ParaphraseTuning.score(genScaled, rs);
            System.out.println(String.format(Locale.ROOT, "CSLS floor %.2f | tune P %.3f R %.3f F1 %.3f | gen P %.3f R %.3f",
                    floor, f.precision(), f.recall(), f.f1(), gf[0], gf[1]));
        }
        for (double low : new double[] {0.18, 0.22, 0.26, 0.30, 0.34, 0.38, 0.42, 0.50}) {
            for (double maxRun : new double[] {0, 0.15, 0.3}) {
                RepeatMatching.Settings rs = new RepeatMatching.Settings(0.64, 0, 0.9);
                double[][] shifted = shifted(full, fullRuns, low, maxRun);
                ParaphraseSet.RepeatFigures f = ParaphraseSet.matched(tune, shifted, rs, 12, 20);
                List<GenPair> g = new ArrayList<>();
                for (int k = 0; k < gen.size(); k++) {
                    g.add(new GenPair(shifted(gen.get(k).sim(), genRuns.get(k), low, maxRun), gen.get(k).planted(), gen.get(k).plantedCount()));
                }
                double[] gf = ParaphraseTuning.score(g, rs);
                System.out.println(String.format(Locale.ROOT, "RUNS low floor %.2f shared runs <= %.2f | tune P %.3f R %.3f F1 %.3f | gen P %.3f R %.3f",
                        low, maxRun, f.precision(), f.recall(), f.f1(), gf[0], gf[1]));
            }
        }
    }

    /** Below 0.64, a pair sharing at most {@code maxRun} of its text in 5-character runs moved up by 0.64 - {@code low}. */
    private static double[][] shifted(double[][] sim, double[][] runs, double low, double maxRun) {
        double[][] out = new double[sim.length][];
        for (int j = 0; j < sim.length; j++) {
            out[j] = sim[j].clone();
            for (int i = 0; i < sim[j].length; i++) {
                if (sim[j][i] < 0.64 && runs[j][i] <= maxRun) {
                    out[j][i] = Math.min(0.8999, sim[j][i] + 0.64 - low);
                }
            }
        }
        return out;
    }

    /**
     * Local scaling against a fixed background ({@code -Dtuning.hubs=true}): each point's hubness is
     * the mean of its {@code k} best blended scores against the background's passages of 30 characters
     * or more (sample-docs + dev corpus, {@link BackgroundCorpus}; the generated set's points weighed
     * by its own pair weights), and a pair is decided on its score less {@code beta} times the mean
     * hubness of its two points: a point built of the genre's stock clauses is alike to much of the
     * background, a restatement's distinctive content is not.
     */
    @Test
    void hubs() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.hubs"));
        WordView view = new WordView(SynonymClasses.load());
        List<String> background = BackgroundCorpus.reports().stream().flatMap(List::stream).filter(t -> TextKey.of(t).length() >= 30).toList();
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        Similarity ts = new Similarity(BackgroundCorpus.weights(), view);
        double[][] full = ParaphraseSet.matrix(tune, ts);
        int[] ks = {1, 3, 10};
        double[][] hubA = hubness(ts, tune.stream().map(ParaphraseSet.Pair::a).toList(), background, ks);
        double[][] hubB = hubness(ts, tune.stream().map(ParaphraseSet.Pair::b).toList(), background, ks);
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        Similarity gs = new Similarity(corpus.weights, view);
        List<GenPair> gen = generated(corpus, gs);
        List<double[][][]> genHubs = new ArrayList<>(); // [0] later, [1] earlier: [point][k]
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            List<String> ft = ReportPoints.of(corpus.reports.get(c.get("from").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS)
                    .stream().map(Point::text).toList();
            List<String> tt = ReportPoints.of(corpus.reports.get(c.get("to").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS)
                    .stream().map(Point::text).toList();
            genHubs.add(new double[][][] {hubness(gs, tt, background, ks), hubness(gs, ft, background, ks)});
        }
        System.out.println(String.format(Locale.ROOT, "HUBS background %d passages; mean hubness k=1/3/10: tune %.3f %.3f %.3f, generated %.3f %.3f %.3f",
                background.size(), mean(hubA, 0), mean(hubA, 1), mean(hubA, 2), mean(genHubs.get(0)[1], 0), mean(genHubs.get(0)[1], 1), mean(genHubs.get(0)[1], 2)));
        for (int k = 0; k < ks.length; k++) {
            for (double beta : new double[] {0.5, 1.0}) {
                double[][] t = new double[full.length][full.length];
                for (int j = 0; j < full.length; j++) {
                    for (int i = 0; i < full.length; i++) {
                        t[j][i] = full[j][i] - beta * 0.5 * (hubB[j][k] + hubA[i][k]);
                    }
                }
                List<GenPair> g = new ArrayList<>();
                for (int x = 0; x < gen.size(); x++) {
                    double[][] m = gen.get(x).sim();
                    double[][] o = new double[m.length][];
                    for (int j = 0; j < m.length; j++) {
                        o[j] = new double[m[j].length];
                        for (int i = 0; i < m[j].length; i++) {
                            o[j][i] = m[j][i] - beta * 0.5 * (genHubs.get(x)[0][j][k] + genHubs.get(x)[1][i][k]);
                        }
                    }
                    g.add(new GenPair(o, gen.get(x).planted(), gen.get(x).plantedCount()));
                }
                for (double floor = -0.20; floor <= 0.401; floor += 0.05) {
                    RepeatMatching.Settings rs = new RepeatMatching.Settings(floor, 0, 2);
                    ParaphraseSet.RepeatFigures f = ParaphraseSet.matched(tune, t, rs, 12, 20);
                    double[] gf = ParaphraseTuning.score(g, rs);
                    System.out.println(String.format(Locale.ROOT, "HUBS k %d beta %.1f floor %.2f | tune P %.3f R %.3f F1 %.3f | gen P %.3f R %.3f",
                            ks[k], beta, floor, f.precision(), f.recall(), f.f1(), gf[0], gf[1]));
                }
            }
        }
    }

    private static List<GenPair> generated(GeneratedCorpus corpus, Similarity sim) {
        List<GenPair> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            List<Point> fp = ReportPoints.of(corpus.reports.get(c.get("from").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(corpus.reports.get(c.get("to").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS);
            double[][] m = new double[tp.size()][fp.size()];
            boolean[][] planted = new boolean[tp.size()][fp.size()];
            int count = 0;
            for (int j = 0; j < tp.size(); j++) {
                for (int i = 0; i < fp.size(); i++) {
                    m[j][i] = sim.of(sim.prepare(tp.get(j).text()), sim.prepare(fp.get(i).text()));
                }
            }
            for (com.fasterxml.jackson.databind.JsonNode r : c.get("repeats")) {
                count++;
                for (int j = 0; j < tp.size(); j++) {
                    for (int i = 0; i < fp.size(); i++) {
                        planted[j][i] |= fp.get(i).ref().toString().equals(r.get("from").asText()) && tp.get(j).ref().toString().equals(r.get("to").asText());
                    }
                }
            }
            out.add(new GenPair(m, planted, count));
        }
        return out;
    }

    /** For each text, the mean of its k best blended scores against the background, for each k asked. */
    private static double[][] hubness(Similarity sim, List<String> texts, List<String> background, int[] ks) {
        List<Similarity.Prepared> bg = background.stream().map(sim::prepare).toList();
        double[][] out = new double[texts.size()][ks.length];
        for (int t = 0; t < texts.size(); t++) {
            Similarity.Prepared p = sim.prepare(texts.get(t));
            double[] s = bg.stream().mapToDouble(b -> sim.of(p, b)).sorted().toArray();
            for (int k = 0; k < ks.length; k++) {
                double sum = 0;
                for (int x = 0; x < ks[k]; x++) {
                    sum += s[s.length - 1 - x];
                }
                out[t][k] = sum / ks[k];
            }
        }
        return out;
    }

    private static double mean(double[][] xs, int k) {
        return java.util.Arrays.stream(xs).mapToDouble(x -> x[k]).average().orElse(0);
    }

    /**
     * A small fitted combination ({@code -Dtuning.fitted=true}): logistic regression on a pair's
     * character-pair score, word score (synonyms counted) and share in shared 5-character runs,
     * fitted on tune's pairs (a pair's own two points weighed 1, other cells 0.05) and the generated
     * set's cells, the two sets weighed alike; the matching then runs on the fitted probability (a
     * copy, blend 0.9 or more, stands as before). Fitted and scored on the same data: an upper bound.
     */
    @Test
    void fitted() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.fitted"));
        WordView view = new WordView(SynonymClasses.load());
        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        List<String> as = tune.stream().map(ParaphraseSet.Pair::a).toList();
        List<String> bs = tune.stream().map(ParaphraseSet.Pair::b).toList();
        GramWeights background = BackgroundCorpus.weights();
        List<Separability.Feature> features = List.of(Separability.fromSimilarity(w -> new Similarity(w, view), "pairs"),
                Separability.fromSimilarity(w -> new Similarity(w, view), "words"), Separability.sharedRuns(5));
        Separability.Feature blend = Separability.fromSimilarity(w -> new Similarity(w, view), "of");
        double[][][] tuneX = features.stream().map(f -> f.of(bs, as, background)).toArray(double[][][]::new);
        double[][] tuneBlend = blend.of(bs, as, background);
        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        List<GenPair> gen = generated(corpus, new Similarity(corpus.weights, view));
        List<double[][][]> genX = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode c : corpus.truth("compare")) {
            List<String> ft = ReportPoints.of(corpus.reports.get(c.get("from").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS)
                    .stream().map(Point::text).toList();
            List<String> tt = ReportPoints.of(corpus.reports.get(c.get("to").get("file").asText()), cn.reportarchive.parse.SectionType.PROBLEMS)
                    .stream().map(Point::text).toList();
            genX.add(features.stream().map(f -> f.of(tt, ft, corpus.weights)).toArray(double[][][]::new));
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> yw = new ArrayList<>(); // label, weight
        int n = tune.size();
        double tuneTotal = n + 0.05 * (n * n - n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                xs.add(cell(tuneX, j, i));
                yw.add(new double[] {i == j && tune.get(j).same() ? 1 : 0, (i == j ? 1 : 0.05) / tuneTotal});
            }
        }
        int genCells = gen.stream().mapToInt(g -> g.sim().length == 0 ? 0 : g.sim().length * g.sim()[0].length).sum();
        for (int x = 0; x < gen.size(); x++) {
            for (int j = 0; j < gen.get(x).sim().length; j++) {
                for (int i = 0; i < gen.get(x).sim()[j].length; i++) {
                    xs.add(cell(genX.get(x), j, i));
                    yw.add(new double[] {gen.get(x).planted()[j][i] ? 1 : 0, 1.0 / genCells});
                }
            }
        }
        double[] b = fit(xs, yw);
        System.out.println(String.format(Locale.ROOT, "FITTED logit = %.3f*pairs + %.3f*words + %.3f*runs5 + %.3f", b[0], b[1], b[2], b[3]));
        double[][] tuneP = probability(tuneX, tuneBlend, b);
        List<GenPair> g = new ArrayList<>();
        for (int x = 0; x < gen.size(); x++) {
            g.add(new GenPair(probability(genX.get(x), gen.get(x).sim(), b), gen.get(x).planted(), gen.get(x).plantedCount()));
        }
        for (double floor = 0.1; floor <= 0.951; floor += 0.05) {
            RepeatMatching.Settings rs = new RepeatMatching.Settings(floor, 0, 1.5);
            ParaphraseSet.RepeatFigures f = ParaphraseSet.matched(tune, tuneP, rs, 12, 20);
            double[] gf = ParaphraseTuning.score(g, rs);
            System.out.println(String.format(Locale.ROOT, "FITTED floor %.2f | tune P %.3f R %.3f F1 %.3f | gen P %.3f R %.3f",
                    floor, f.precision(), f.recall(), f.f1(), gf[0], gf[1]));
        }
    }

    private static double[] cell(double[][][] x, int j, int i) {
        double[] out = new double[x.length];
        for (int f = 0; f < x.length; f++) {
            out[f] = x[f][j][i];
        }
        return out;
    }

    /** Weighted logistic regression by gradient descent (features as given, an intercept last; slight L2). */
    private static double[] fit(List<double[]> xs, List<double[]> yw) {
        int d = xs.get(0).length;
        double[] b = new double[d + 1];
        for (int it = 0; it < 20000; it++) {
            double[] grad = new double[d + 1];
            for (int k = 0; k < xs.size(); k++) {
                double[] x = xs.get(k);
                double z = b[d];
                for (int f = 0; f < d; f++) {
                    z += b[f] * x[f];
                }
                double err = (1 / (1 + Math.exp(-z)) - yw.get(k)[0]) * yw.get(k)[1];
                for (int f = 0; f < d; f++) {
                    grad[f] += err * x[f];
                }
                grad[d] += err;
            }
            for (int f = 0; f <= d; f++) {
                b[f] -= 20 * (grad[f] / 2 + (f < d ? 1e-4 * b[f] : 0));
            }
        }
        return b;
    }

    private static double[][] probability(double[][][] x, double[][] blend, double[] b) {
        double[][] out = new double[blend.length][];
        for (int j = 0; j < blend.length; j++) {
            out[j] = new double[blend[j].length];
            for (int i = 0; i < blend[j].length; i++) {
                double z = b[b.length - 1];
                for (int f = 0; f < x.length; f++) {
                    z += b[f] * x[f][j][i];
                }
                out[j][i] = blend[j][i] >= 0.9 ? 1 : 1 / (1 + Math.exp(-z));
            }
        }
        return out;
    }
}
