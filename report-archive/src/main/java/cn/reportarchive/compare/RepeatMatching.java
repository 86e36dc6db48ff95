package cn.reportarchive.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Which later problems restate which earlier ones, decided among all of them at once rather than
 * pair by pair. A reader comparing two years pairs the points off: a later point restates the
 * earlier one that is clearly its nearest, and an earlier point is restated by one later point.
 * So the repeats are a one-to-one matching of the two lists, best pairs first, that keeps a pair
 * when it is alike enough ({@link Settings#floor}) and stands out from both points' other
 * candidates by {@link Settings#margin}. A pair at {@link Settings#sure} or above is a repeat
 * whatever else competes (a point copied again; an earlier point split into two later ones).
 *
 * <p>Pure: the matrix of similarities in, for each later point the earlier one it restates (or -1).
 */
public final class RepeatMatching {
    /** The thresholds, chosen on the tune half of the paraphrase set with the generated set kept at its precision. */
    public record Settings(double floor, double margin, double sure) {
    }

    private RepeatMatching() {
    }

    /**
     * {@code sim[later][earlier]}: for each later point the index of the earlier point it restates, or -1.
     */
    public static int[] decide(double[][] sim, Settings settings) {
        int n = sim.length;
        int m = n == 0 ? 0 : sim[0].length;
        int[] out = new int[n];
        Arrays.fill(out, -1);
        if (m == 0) {
            return out;
        }
        record Cell(int later, int earlier, double score) {
        }
        List<Cell> cells = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                if (sim[j][i] >= settings.floor()) {
                    cells.add(new Cell(j, i, sim[j][i]));
                }
            }
        }
        cells.sort(Comparator.comparingDouble(Cell::score).reversed().thenComparingInt(Cell::later).thenComparingInt(Cell::earlier));
        boolean[] earlierUsed = new boolean[m];
        for (Cell c : cells) {
            if (out[c.later()] >= 0) {
                continue;
            }
            boolean sure = c.score() >= settings.sure();
            if (!sure && (earlierUsed[c.earlier()] || !standsOut(sim, c.later(), c.earlier(), settings.margin()))) {
                continue;
            }
            out[c.later()] = c.earlier();
            earlierUsed[c.earlier()] = true;
        }
        return out;
    }

    /**
     * The pairs a looser matching ({@code settings}, a lower floor) would make that {@code first} has
     * not: for each later point the earlier one, or -1 where the later point is already in
     * {@code first} or its partner there is already restated in {@code first}. At most one per later
     * and per earlier point below the sure bar, as {@link #decide} gives them, and none touching a
     * pair of {@code first}: a second tier for a reader to judge, never a second claim on one point.
     */
    public static int[] secondTier(double[][] sim, int[] first, Settings settings) {
        int[] loose = decide(sim, settings);
        int m = sim.length == 0 ? 0 : sim[0].length;
        boolean[] earlierTaken = new boolean[m];
        for (int e : first) {
            if (e >= 0) {
                earlierTaken[e] = true;
            }
        }
        int[] out = new int[loose.length];
        Arrays.fill(out, -1);
        for (int j = 0; j < loose.length; j++) {
            if (loose[j] >= 0 && first[j] < 0 && !earlierTaken[loose[j]]) {
                out[j] = loose[j];
                earlierTaken[loose[j]] = true; // a sure pair may share its earlier point: not in this tier
            }
        }
        return out;
    }

    /** The pair beats the later point's other earlier candidates and the earlier point's other later ones by {@code margin}. */
    private static boolean standsOut(double[][] sim, int later, int earlier, double margin) {
        if (margin <= 0) {
            return true;
        }
        double s = sim[later][earlier];
        for (int i = 0; i < sim[later].length; i++) {
            if (i != earlier && s - sim[later][i] < margin) {
                return false;
            }
        }
        for (int j = 0; j < sim.length; j++) {
            if (j != later && s - sim[j][earlier] < margin) {
                return false;
            }
        }
        return true;
    }
}
