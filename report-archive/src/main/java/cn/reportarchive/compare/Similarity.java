package cn.reportarchive.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How far two points say the same thing, from 0 to 1. Two views, each weighted so that the genre's
 * stock phrases (党的二十大精神, 学习不够深入) make two points alike only a little:
 * <ul>
 * <li>character pairs, shared against both points (Dice) and against the shorter (containment):
 *     catches copies, trimmed copies and light edits, whatever a segmenter makes of them;</li>
 * <li>content words, a word counting as shared when the other point has it or a synonym of it
 *     ({@link WordView}, 同义词词林): catches the same point in other words (过度谨慎 → 过于谨慎,
 *     怕出问题 → 担心出问题), regardless of order.</li>
 * </ul>
 * The score is the better of the pair view and a blend of both, so that a copy keeps its pair score
 * and rewording can only raise it.
 *
 * <p><b>Guarantee:</b> a pure function of the two texts and of the weights and dictionary given to
 * the constructor — symmetric, in [0, 1], 1 for a point and itself; nothing is loaded, cached or
 * changed per call, so a comparison costs only the segmenting of its points.
 */
public final class Similarity {
    /** The settings of the blend, chosen on the tune half of the paraphrase set (ParaphraseQualityTest). */
    public record Settings(double synonymCredit, double wordShare, double containment, double singleCharWeight, double partialCredit, double sharpen) {
        public static final Settings CHOSEN = new Settings(0.7, 0.8, 0.5, 0.6, 0, 1);
        /** Pairs only: the similarity as it was before words were added (the baseline). */
        public static final Settings PAIRS_ONLY = new Settings(0, 0, 0.3, 0.6, 0, 1);
    }

    private static final int MATCHED_MAX = 8;

    private final GramWeights weights;
    private final WordView words;
    private final Settings settings;

    public Similarity(GramWeights weights, WordView words) {
        this(weights, words, Settings.CHOSEN);
    }

    public Similarity(GramWeights weights, WordView words, Settings settings) {
        this.weights = weights;
        this.words = words;
        this.settings = settings;
    }

    /** A point made ready for comparison: its key, pairs, the weight of each and their total, and its words likewise. */
    public record Prepared(String key, int[] grams, double[] gramWeights, double weight,
            List<WordView.Word> words, double[] wordWeights, double wordWeight, int[] classes) {
        boolean has(String word) {
            for (WordView.Word w : words) {
                if (w.text().equals(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    public Prepared prepare(String text) {
        String key = TextKey.of(text);
        int[] grams = TextKey.grams(key);
        double[] w = new double[grams.length];
        double total = 0;
        for (int i = 0; i < grams.length; i++) {
            w[i] = weights.weight(grams[i]);
            total += w[i];
        }
        List<WordView.Word> ws = words == null || settings.wordShare() <= 0 ? List.of() : words.words(text);
        double[] ww = new double[ws.size()];
        double wordTotal = 0;
        for (int i = 0; i < ws.size(); i++) {
            ww[i] = wordWeight(ws.get(i).text());
            wordTotal += ww[i];
        }
        int[] classes = ws.stream().flatMapToInt(x -> Arrays.stream(x.classes())).distinct().sorted().toArray();
        return new Prepared(key, grams, w, total, ws, ww, wordTotal, classes);
    }

    /** A word weighs what its character pairs weigh on average: rare words much, stock words little. */
    private double wordWeight(String word) {
        String key = TextKey.of(word);
        if (key.length() < 2) {
            return Math.pow(settings.singleCharWeight(), settings.sharpen());
        }
        double sum = 0;
        for (int i = 0; i + 1 < key.length(); i++) {
            sum += weights.weight(TextKey.gram(key.charAt(i), key.charAt(i + 1)));
        }
        return Math.pow(sum / (key.length() - 1), settings.sharpen());
    }

    public double of(Prepared a, Prepared b) {
        double pairs = pairs(a, b);
        if (settings.wordShare() <= 0 || a.wordWeight() <= 0 || b.wordWeight() <= 0) {
            return pairs;
        }
        double blend = (1 - settings.wordShare()) * pairs + settings.wordShare() * wordScore(a, b);
        return Math.min(1.0, Math.max(pairs, blend));
    }

    /** The character-pair view alone. */
    public double pairs(Prepared a, Prepared b) {
        if (a.weight() <= 0 || b.weight() <= 0) {
            return 0;
        }
        double shared = shared(a, b);
        return mix(shared, shared, a.weight(), b.weight());
    }

    /** The word view alone. */
    public double wordScore(Prepared a, Prepared b) {
        if (a.wordWeight() <= 0 || b.wordWeight() <= 0) {
            return 0;
        }
        return mix(covered(a, b), covered(b, a), a.wordWeight(), b.wordWeight());
    }

    /** Dice on the weight each side has covered, blended with the shorter side's coverage. */
    private double mix(double coveredA, double coveredB, double totalA, double totalB) {
        double dice = (coveredA + coveredB) / (totalA + totalB);
        double containment = totalA <= totalB ? coveredA / totalA : coveredB / totalB;
        return Math.min(1.0, (1 - settings.containment()) * dice + settings.containment() * containment);
    }

    /** The weight of {@code a}'s words that {@code b} has, a synonym counting {@code synonymCredit}. */
    private double covered(Prepared a, Prepared b) {
        double sum = 0;
        for (int i = 0; i < a.words().size(); i++) {
            sum += a.wordWeights()[i] * credit(a.words().get(i), b);
        }
        return sum;
    }

    private double credit(WordView.Word w, Prepared other) {
        if (other.has(w.text())) {
            return 1;
        }
        for (int c : w.classes()) {
            if (Arrays.binarySearch(other.classes(), c) >= 0) {
                return settings.synonymCredit();
            }
        }
        if (settings.partialCredit() > 0 && w.text().length() >= 2) {
            for (WordView.Word o : other.words()) {
                if (o.text().length() >= 2 && sharesChar(w.text(), o.text())) {
                    return settings.partialCredit();
                }
            }
        }
        return 0;
    }

    /**
     * What a reader is shown beside the shared runs: the words both points use and the synonyms
     * that met ({@code 过度/过于}: the first point's word, then the second's), weightiest first.
     */
    public List<String> matched(Prepared a, Prepared b) {
        record Match(String text, double weight) {
        }
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < a.words().size(); i++) {
            WordView.Word w = a.words().get(i);
            if (b.has(w.text())) {
                out.add(new Match(w.text(), a.wordWeights()[i]));
                continue;
            }
            String synonym = synonymIn(w, b);
            if (synonym != null) {
                out.add(new Match(w.text() + "/" + synonym, a.wordWeights()[i] * settings.synonymCredit()));
            }
        }
        out.sort(Comparator.comparingDouble(Match::weight).reversed());
        return out.stream().limit(MATCHED_MAX).map(Match::text).toList();
    }

    private static boolean sharesChar(String a, String b) {
        for (int i = 0; i < a.length(); i++) {
            if (b.indexOf(a.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String synonymIn(WordView.Word w, Prepared other) {
        for (WordView.Word o : other.words()) {
            for (int c : w.classes()) {
                if (Arrays.binarySearch(o.classes(), c) >= 0) {
                    return o.text();
                }
            }
        }
        return null;
    }

    /** The share of {@code part}'s word weight that {@code whole} has, itself or as a synonym. */
    public double wordCoverage(Prepared part, Prepared whole) {
        return part.wordWeight() <= 0 ? 0 : covered(part, whole) / part.wordWeight();
    }

    /** The share of {@code part}'s weight that also stands in {@code whole} or in {@code alsoWhole}. */
    public double coverage(Prepared part, Prepared whole, Prepared alsoWhole) {
        if (part.weight() <= 0) {
            return 0;
        }
        double covered = 0;
        for (int i = 0; i < part.grams().length; i++) {
            int g = part.grams()[i];
            if (Arrays.binarySearch(whole.grams(), g) >= 0
                    || alsoWhole != null && Arrays.binarySearch(alsoWhole.grams(), g) >= 0) {
                covered += part.gramWeights()[i];
            }
        }
        return covered / part.weight();
    }

    private static double shared(Prepared pa, Prepared pb) {
        int[] a = pa.grams();
        int[] b = pb.grams();
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                sum += pa.gramWeights()[i];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }
}
