package cn.reportarchive.compare;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * What the archive's figures are weighed by, taken at one stated moment and stored, so that a
 * printed share or similarity does not move when an unrelated report arrives: the fingerprints
 * that were stock phrases (held by more than {@link #stockLimit} texts), and how many passages
 * held each character pair (the pair weights of {@link GramWeights}). A new snapshot is taken when
 * the archive has doubled since (see {@link CopyService}); every figure is then weighed anew at once.
 */
record WeightSnapshot(String taken, int texts, long[] stock, int[] grams, int[] gramFrequency, long passages) {
    private static final double NOT_HAN = 1.0;

    /** A fingerprint held by more texts than this is the genre's stock phrasing: max(8, texts / 500). */
    static int stockLimit(int texts) {
        return Math.max(8, texts / 500);
    }

    /** What a figure states of its weights: when they were taken, over how many texts. */
    public record Stated(String taken, int texts) {
    }

    Stated stated() {
        return new Stated(taken, texts);
    }

    static WeightSnapshot empty() {
        return new WeightSnapshot("", 0, new long[0], new int[0], new int[0], 1);
    }

    boolean isStock(long hash) {
        return Arrays.binarySearch(stock, PrintIndex.hashOf(hash)) >= 0;
    }

    /** Pair weights as of the snapshot: inverse passage frequency, a pair with a digit or letter in the middle. */
    GramWeights weights() {
        return gram -> {
            String pair = TextKey.gramText(gram);
            if (!isHan(pair.charAt(0)) || !isHan(pair.charAt(1))) {
                return NOT_HAN;
            }
            int i = Arrays.binarySearch(grams, gram);
            return GramWeights.idf(i >= 0 ? gramFrequency[i] : 0, passages);
        };
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static byte[] longs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8);
        b.asLongBuffer().put(values);
        return b.array();
    }

    static long[] longs(byte[] bytes) {
        long[] out = new long[bytes.length / 8];
        ByteBuffer.wrap(bytes).asLongBuffer().get(out);
        return out;
    }

    static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        b.asIntBuffer().put(values);
        return b.array();
    }

    static int[] ints(byte[] bytes) {
        int[] out = new int[bytes.length / 4];
        ByteBuffer.wrap(bytes).asIntBuffer().get(out);
        return out;
    }
}
