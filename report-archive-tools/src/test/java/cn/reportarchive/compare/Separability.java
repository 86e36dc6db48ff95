package cn.reportarchive.compare;

import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.SectionType;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How well each view of a pair tells a repeat from a non-repeat, before any threshold or matching
 * is chosen (skipped unless {@code -Dtuning.separability=true}; tune and the generated set only,
 * never a held-out file). For every feature: ROC AUC and the best F1 over all thresholds, on the
 * tune pairs (a pair's own two points; against all 50 non-repeats and against each kind of hard
 * negative alone) and on every cell of the generated set's year pairs (planted repeat or not).
 * An AUC under 0.5 against a kind means that kind scores higher than the repeats do.
 * Figures to target/paraphrase-separability.txt.
 */
class Separability {
    @TempDir
    Path tmp;

    /** A feature: the matrix [later][earlier] of two lists of texts, under the given pair weights. */
    interface Feature {
        double[][] of(List<String> later, List<String> earlier, GramWeights weights);
    }

    static Feature fromSimilarity(Function<GramWeights, Similarity> make, String view) {
        return (later, earlier, weights) -> {
            Similarity s = make.apply(weights);
            List<Similarity.Prepared> l = later.stream().map(s::prepare).toList();
            List<Similarity.Prepared> e = earlier.stream().map(s::prepare).toList();
            double[][] m = new double[l.size()][e.size()];
            for (int j = 0; j < l.size(); j++) {
                for (int i = 0; i < e.size(); i++) {
                    m[j][i] = switch (view) {
                        case "pairs" -> s.pairs(l.get(j), e.get(i));
                        case "words" -> s.wordScore(l.get(j), e.get(i));
                        default -> s.of(l.get(j), e.get(i));
                    };
                }
            }
            return m;
        };
    }

    /** The share of the two keys' characters (the larger share) lying in runs of {@code run} or more characters both have. */
    static Feature sharedRuns(int run) {
        return (later, earlier, weights) -> {
            double[][] m = new double[later.size()][earlier.size()];
            for (int j = 0; j < later.size(); j++) {
                String b = TextKey.of(later.get(j));
                for (int i = 0; i < earlier.size(); i++) {
                    String a = TextKey.of(earlier.get(i));
                    m[j][i] = Math.max(runCover(a, b, run), runCover(b, a, run));
                }
            }
            return m;
        };
    }

    static double runCover(String key, String other, int run) {
        if (key.length() < run || other.length() < run) {
            return 0;
        }
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + run <= other.length(); i++) {
            grams.add(other.substring(i, i + run));
        }
        boolean[] covered = new boolean[key.length()];
        for (int i = 0; i + run <= key.length(); i++) {
            if (grams.contains(key.substring(i, i + run))) {
                Arrays.fill(covered, i, i + run, true);
            }
        }
        int n = 0;
        for (boolean c : covered) {
            n += c ? 1 : 0;
        }
        return n / (double) key.length();
    }

    /**
     * Local scaling against hubs (CSLS): the score less half of the best score the later point has
     * against the other earlier points and half of the earlier point's best against the other later
     * ones, within the matrix given (one year pair; for tune, all 120 pairs' points).
     */
    static Feature localScaled(Feature base) {
        return (later, earlier, weights) -> {
            double[][] s = base.of(later, earlier, weights);
            double[][] m = new double[s.length][];
            for (int j = 0; j < s.length; j++) {
                m[j] = new double[s[j].length];
                for (int i = 0; i < s[j].length; i++) {
                    double row = 0;
                    double col = 0;
                    for (int x = 0; x < s[j].length; x++) {
                        row = x == i ? row : Math.max(row, s[j][x]);
                    }
                    for (int y = 0; y < s.length; y++) {
                        col = y == j ? col : Math.max(col, s[y][i]);
                    }
                    m[j][i] = s[j][i] - 0.5 * (row + col);
                }
            }
            return m;
        };
    }

    /** Mann-Whitney AUC, ties counted half. */
    static double auc(double[] pos, double[] neg) {
        if (pos.length == 0 || neg.length == 0) {
            return Double.NaN;
        }
        double[] n = neg.clone();
        Arrays.sort(n);
        double sum = 0;
        for (double p : pos) {
            int below = lowerBound(n, p);
            int notAbove = upperBound(n, p);
            sum += below + 0.5 * (notAbove - below);
        }
        return sum / ((double) pos.length * neg.length);
    }

    private static int lowerBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double x) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The best F1 over all thresholds (score at or above the threshold called a repeat). */
    static double bestF1(double[] pos, double[] neg) {
        record Scored(double score, boolean pos) {
        }
        List<Scored> all = new ArrayList<>();
        Arrays.stream(pos).forEach(p -> all.add(new Scored(p, true)));
        Arrays.stream(neg).forEach(p -> all.add(new Scored(p, false)));
        all.sort((a, b) -> Double.compare(b.score(), a.score()));
        double best = 0;
        int tp = 0;
        for (int k = 0; k < all.size(); k++) {
            tp += all.get(k).pos() ? 1 : 0;
            boolean cut = k + 1 == all.size() || all.get(k + 1).score() < all.get(k).score();
            if (cut && tp > 0) {
                double p = tp / (double) (k + 1);
                double r = tp / (double) pos.length;
                best = Math.max(best, 2 * p * r / (p + r));
            }
        }
        return best;
    }

    @Test
    void separability() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tuning.separability"));
        WordView shipped = new WordView(SynonymClasses.load());
        WordView coarse = new WordView(SynonymClasses.load(5));
        Similarity.Settings chosen = Similarity.Settings.CHOSEN;
        Similarity.Settings exact = new Similarity.Settings(0, chosen.wordShare(), chosen.containment(), chosen.singleCharWeight(),
                chosen.partialCredit(), chosen.sharpen());
        Map<String, Feature> features = new LinkedHashMap<>();
        features.put("pairs", fromSimilarity(w -> new Similarity(w, shipped), "pairs"));
        features.put("words, exact only", fromSimilarity(w -> new Similarity(w, shipped, exact), "words"));
        features.put("words + synonyms (shipped)", fromSimilarity(w -> new Similarity(w, shipped), "words"));
        features.put("words + coarse classes (5)", fromSimilarity(w -> new Similarity(w, coarse), "words"));
        features.put("blend (shipped score)", fromSimilarity(w -> new Similarity(w, shipped), "of"));
        features.put("shared 5-char runs", sharedRuns(5));
        features.put("blend, local-scaled (CSLS)", localScaled(fromSimilarity(w -> new Similarity(w, shipped), "of")));

        List<ParaphraseSet.Pair> tune = ParaphraseSet.problems("tune");
        List<String> as = tune.stream().map(ParaphraseSet.Pair::a).toList();
        List<String> bs = tune.stream().map(ParaphraseSet.Pair::b).toList();
        GramWeights background = BackgroundCorpus.weights();

        GeneratedCorpus corpus = new GeneratedCorpus(tmp, cn.reportarchive.generate.GeneratorOptions.of(tmp, 500, 20261128L)
                .withFormats(cn.reportarchive.generate.FormatMix.parse("txt=80,docx=20")).withYears(2019, 2024));
        record YearPair(List<String> earlier, List<String> later, Set<String> planted) {
        }
        List<YearPair> pairs = new ArrayList<>();
        for (JsonNode c : corpus.truth("compare")) {
            Report from = corpus.reports.get(c.get("from").get("file").asText());
            Report to = corpus.reports.get(c.get("to").get("file").asText());
            List<Point> fp = ReportPoints.of(from, SectionType.PROBLEMS);
            List<Point> tp = ReportPoints.of(to, SectionType.PROBLEMS);
            Set<String> planted = new HashSet<>();
            for (JsonNode r : c.get("repeats")) {
                for (int j = 0; j < tp.size(); j++) {
                    for (int i = 0; i < fp.size(); i++) {
                        if (fp.get(i).ref().toString().equals(r.get("from").asText()) && tp.get(j).ref().toString().equals(r.get("to").asText())) {
                            planted.add(j + ">" + i);
                        }
                    }
                }
            }
            pairs.add(new YearPair(fp.stream().map(Point::text).toList(), tp.stream().map(Point::text).toList(), planted));
        }

        String[] kinds = {"negative-genre", "negative-same-aspect", "negative-related"};
        StringBuilder out = new StringBuilder();
        out.append("Separability (ROC AUC / best F1 over all thresholds). Tune: a pair's own two points, 70 repeats against the 50\n");
        out.append("non-repeats and against each hard-negative kind; generated: every cell of its year pairs, planted or not.\n\n");
        out.append(String.format("%-28s %16s %9s %9s %9s %18s%n", "feature", "tune AUC / F1", "genre", "aspect", "related", "generated AUC / F1"));
        for (Map.Entry<String, Feature> f : features.entrySet()) {
            double[][] m = f.getValue().of(bs, as, background);
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            Map<String, List<Double>> byKind = new LinkedHashMap<>();
            for (int k = 0; k < tune.size(); k++) {
                (tune.get(k).same() ? pos : neg).add(m[k][k]);
                byKind.computeIfAbsent(tune.get(k).kind(), x -> new ArrayList<>()).add(m[k][k]);
            }
            List<Double> gp = new ArrayList<>();
            List<Double> gn = new ArrayList<>();
            for (YearPair y : pairs) {
                double[][] g = f.getValue().of(y.later(), y.earlier(), corpus.weights);
                for (int j = 0; j < g.length; j++) {
                    for (int i = 0; i < g[j].length; i++) {
                        (y.planted().contains(j + ">" + i) ? gp : gn).add(g[j][i]);
                    }
                }
            }
            double[] p = unbox(pos);
            out.append(String.format(Locale.ROOT, "%-28s %7.3f / %6.3f", f.getKey(), auc(p, unbox(neg)), bestF1(p, unbox(neg))));
            for (String kind : kinds) {
                out.append(String.format(Locale.ROOT, " %9.3f", auc(p, unbox(byKind.getOrDefault(kind, List.of())))));
            }
            out.append(String.format(Locale.ROOT, " %9.4f / %6.3f%n", auc(unbox(gp), unbox(gn)), bestF1(unbox(gp), unbox(gn))));
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/paraphrase-separability.txt"), out, StandardCharsets.UTF_8);
        System.out.println(out);
    }

    private static double[] unbox(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
