package cn.reportarchive.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest runs of text two points have in common, longest first and not overlapping, as a
 * reader would mark them: found on the text as written (marker dropped), ends trimmed of
 * punctuation, each at least {@code minLength} characters.
 */
public final class SharedRuns {
    private SharedRuns() {
    }

    public static List<String> of(String a, String b, int minLength, int max) {
        char[] x = cn.reportarchive.parse.ItemMarkers.strip(a).toCharArray();
        char[] y = cn.reportarchive.parse.ItemMarkers.strip(b).toCharArray();
        boolean[] usedX = new boolean[x.length];
        boolean[] usedY = new boolean[y.length];
        List<String> runs = new ArrayList<>();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        while (runs.size() < max) {
            int best = 0;
            int endX = 0;
            java.util.Arrays.fill(prev, 0);
            for (int i = 1; i <= x.length; i++) {
                for (int j = 1; j <= y.length; j++) {
                    boolean same = !usedX[i - 1] && !usedY[j - 1] && x[i - 1] == y[j - 1];
                    cur[j] = same ? prev[j - 1] + 1 : 0;
                    if (cur[j] > best) {
                        best = cur[j];
                        endX = i;
                    }
                }
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            if (best < minLength) {
                break;
            }
            String run = new String(x, endX - best, best);
            int startY = indexOfFree(y, usedY, run);
            for (int k = 0; k < best; k++) {
                usedX[endX - best + k] = true;
                if (startY >= 0) {
                    usedY[startY + k] = true;
                }
            }
            String trimmed = trim(run);
            if (trimmed.length() >= minLength) {
                runs.add(trimmed);
            }
        }
        return runs;
    }

    private static int indexOfFree(char[] y, boolean[] used, String run) {
        outer:
        for (int s = 0; s + run.length() <= y.length; s++) {
            for (int k = 0; k < run.length(); k++) {
                if (used[s + k] || y[s + k] != run.charAt(k)) {
                    continue outer;
                }
            }
            return s;
        }
        return -1;
    }

    private static String trim(String run) {
        int start = 0;
        int end = run.length();
        while (start < end && !Character.isLetterOrDigit(run.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(run.charAt(end - 1))) {
            end--;
        }
        return run.substring(start, end);
    }
}
