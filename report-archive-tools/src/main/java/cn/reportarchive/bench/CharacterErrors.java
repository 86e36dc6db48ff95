package cn.reportarchive.bench;

/**
 * The character error rate of a reading against its source: the edit distance (insertions,
 * deletions, substitutions of code points) divided by the source's length. The OCR benchmark and
 * tests compare the Han characters only, so that spacing and punctuation width do not count.
 */
public final class CharacterErrors {
    private CharacterErrors() {
    }

    public static double rate(String reference, String reading) {
        int[] a = reference.codePoints().toArray();
        int[] b = reading.codePoints().toArray();
        return a.length == 0 ? (b.length == 0 ? 0 : 1) : (double) distance(a, b) / a.length;
    }

    static int distance(int[] a, int[] b) {
        int[] previous = new int[b.length + 1];
        int[] current = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length; i++) {
            current[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length];
    }
}
