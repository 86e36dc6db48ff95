package cn.reportarchive.compare;

/**
 * Winnowing (Schleimer, Wilkerson, Aiken 2003): of the hashes of every run of {@code K} characters
 * of a key, keep the smallest in each window of {@code W} consecutive ones. Two texts that share a
 * run of K + W - 1 characters share at least one kept hash, wherever the run stands, so copying
 * survives reordered sentences and changed words around it, while a text keeps only about
 * 2 / (W + 1) of its hashes.
 */
public final class Fingerprints {
    public static final int K = 8;
    public static final int W = 8;
    private static final long BASE = 0x100000001B3L;

    private Fingerprints() {
    }

    /** Kept hashes and the start of their run in the key, in text order (a hash kept twice in a row once). */
    public record Kept(long[] hashes, int[] positions, int size) {
    }

    public static Kept of(String key) {
        int n = key.length() - K + 1;
        if (n <= 0) {
            return new Kept(new long[0], new int[0], 0);
        }
        long[] all = new long[n];
        for (int i = 0; i < n; i++) {
            all[i] = hash(key, i);
        }
        long[] hashes = new long[n];
        int[] positions = new int[n];
        int size = 0;
        int lastPos = -1;
        for (int start = 0; start + Math.min(W, n) <= n; start++) {
            int min = start;
            for (int i = start + 1; i < start + Math.min(W, n); i++) {
                if (all[i] <= all[min]) { // rightmost minimum, as the paper does
                    min = i;
                }
            }
            if (min != lastPos) {
                hashes[size] = all[min];
                positions[size] = min;
                size++;
                lastPos = min;
            }
        }
        return new Kept(hashes, positions, size);
    }

    private static long hash(String key, int start) {
        long h = 0xCBF29CE484222325L;
        for (int i = start; i < start + K; i++) {
            h = (h ^ key.charAt(i)) * BASE;
        }
        return h ^ (h >>> 29);
    }
}
