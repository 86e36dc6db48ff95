package cn.reportarchive.parse;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairs measure blocks one to one with the problem blocks they answer, so that each measure block
 * takes its problem block's aspect even when the two sections list the aspects in different
 * orders. The pairing maximises the summed likeness of the headings (shared aspect keywords and
 * shared character pairs), exactly, over all one-to-one assignments.
 */
final class MeasurePairing {
    private MeasurePairing() {
    }

    /** For each measure block, the index of the problem block it answers. */
    static int[] pair(List<Block> problems, List<Block> measures, AspectTaxonomy taxonomy) {
        int n = problems.size();
        double[][] likeness = new double[n][n];
        for (int m = 0; m < n; m++) {
            for (int p = 0; p < n; p++) {
                // a hair's weight on the written order decides when the headings say nothing
                likeness[m][p] = likeness(text(measures.get(m)), text(problems.get(p)), taxonomy) + (m == p ? 1e-6 : 0);
            }
        }
        return Assignment.best(likeness);
    }

    private static String text(Block block) {
        return block.heading() == null ? block.intro() : block.heading();
    }

    static double likeness(String a, String b, AspectTaxonomy taxonomy) {
        return cosine(taxonomy.scores(a), taxonomy.scores(b)) + dice(bigrams(a), bigrams(b));
    }

    private static double cosine(double[] x, double[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        return 2.0 * shared.size() / (a.size() + b.size());
    }

    /** Character pairs of the Han text, without the stock words every heading has. */
    private static Set<String> bigrams(String text) {
        String core = Markers.BLOCK.matcher(text).replaceFirst("")
                .replaceAll("[^\\p{IsHan}]", "")
                .replaceAll("方面|带头|坚持|加强|进一步|不断|问题|存在", "");
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < core.length(); i++) {
            grams.add(core.substring(i, i + 2));
        }
        return grams;
    }

    /** The assignment problem, solved exactly by dynamic programming over subsets (n is small). */
    static final class Assignment {
        private Assignment() {
        }

        static int[] best(double[][] score) {
            int n = score.length;
            if (n > 16) {
                return greedy(score);
            }
            double[] value = new double[1 << n];
            int[] choice = new int[1 << n];
            Arrays.fill(value, Double.NEGATIVE_INFINITY);
            value[0] = 0;
            for (int mask = 0; mask < (1 << n); mask++) {
                if (value[mask] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                int row = Integer.bitCount(mask);
                if (row == n) {
                    continue;
                }
                for (int col = 0; col < n; col++) {
                    if ((mask & (1 << col)) != 0) {
                        continue;
                    }
                    int next = mask | (1 << col);
                    // ties keep the earlier column: with no evidence, order is the pairing
                    if (value[mask] + score[row][col] > value[next]) {
                        value[next] = value[mask] + score[row][col];
                        choice[next] = col;
                    }
                }
            }
            int[] result = new int[n];
            int mask = (1 << n) - 1;
            for (int row = n - 1; row >= 0; row--) {
                result[row] = choice[mask];
                mask &= ~(1 << choice[mask]);
            }
            return result;
        }

        private static int[] greedy(double[][] score) {
            int n = score.length;
            int[] result = new int[n];
            boolean[] taken = new boolean[n];
            for (int row = 0; row < n; row++) {
                int best = -1;
                for (int col = 0; col < n; col++) {
                    if (!taken[col] && (best < 0 || score[row][col] > score[row][best])) {
                        best = col;
                    }
                }
                taken[best] = true;
                result[row] = best;
            }
            return result;
        }
    }
}
