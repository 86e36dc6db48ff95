package cn.reportarchive.compare;

/**
 * How far two points say the same thing, from 0 to 1: the weighted character pairs they share,
 * measured against both (Dice) and against the shorter one (containment), averaged. Pairs ignore
 * order, so a point whose clauses were reordered still matches; containment keeps a point that was
 * trimmed from looking new; the weights keep the genre's stock phrases from making two points alike.
 */
public final class Similarity {
    private final GramWeights weights;

    public Similarity(GramWeights weights) {
        this.weights = weights;
    }

    /** A point made ready for comparison: its key, pairs, the weight of each and their total. */
    public record Prepared(String key, int[] grams, double[] gramWeights, double weight) {
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
        return new Prepared(key, grams, w, total);
    }

    public double of(Prepared a, Prepared b) {
        if (a.weight() <= 0 || b.weight() <= 0) {
            return 0;
        }
        double shared = shared(a, b);
        double dice = 2 * shared / (a.weight() + b.weight());
        double containment = shared / Math.min(a.weight(), b.weight());
        double mix = 0.3; // Dice weighs more: containment alone lets a short point that is mostly stock clauses match
        return Math.min(1.0, (1 - mix) * dice + mix * containment);
    }

    /** The share of {@code part}'s weight that also stands in {@code whole} or in {@code alsoWhole}. */
    public double coverage(Prepared part, Prepared whole, Prepared alsoWhole) {
        if (part.weight() <= 0) {
            return 0;
        }
        double covered = 0;
        for (int i = 0; i < part.grams().length; i++) {
            int g = part.grams()[i];
            if (java.util.Arrays.binarySearch(whole.grams(), g) >= 0
                    || alsoWhole != null && java.util.Arrays.binarySearch(alsoWhole.grams(), g) >= 0) {
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
