package cn.reportarchive.compare;

import cn.reportarchive.parse.ItemMarkers;

/**
 * What two points are compared on: the point without its marker, reduced to Han characters,
 * letters and digits (punctuation, quotes and spaces say nothing about whether two points are the
 * same), and its character pairs as ints ((first char << 16) | second), distinct and sorted.
 */
public final class TextKey {
    private TextKey() {
    }

    public static String of(String text) {
        String body = ItemMarkers.strip(text);
        StringBuilder key = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** The distinct character pairs of a key, sorted, so that two sets intersect in one pass. */
    public static int[] grams(String key) {
        if (key.length() < 2) {
            return new int[0];
        }
        int[] grams = new int[key.length() - 1];
        for (int i = 0; i + 1 < key.length(); i++) {
            grams[i] = gram(key.charAt(i), key.charAt(i + 1));
        }
        java.util.Arrays.sort(grams);
        int n = 0;
        for (int i = 0; i < grams.length; i++) {
            if (i == 0 || grams[i] != grams[i - 1]) {
                grams[n++] = grams[i];
            }
        }
        return java.util.Arrays.copyOf(grams, n);
    }

    public static int gram(char first, char second) {
        return (first << 16) | second;
    }

    public static String gramText(int gram) {
        return new String(new char[] {(char) (gram >>> 16), (char) (gram & 0xFFFF)});
    }
}
