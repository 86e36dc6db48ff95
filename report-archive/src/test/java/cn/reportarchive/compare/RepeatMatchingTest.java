package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The matching of two years' problems: one-to-one, best pairs first, floor, margin and the sure bar. */
class RepeatMatchingTest {
    static final RepeatMatching.Settings PLAIN = new RepeatMatching.Settings(0.3, 0, 0.9);

    @Test
    void anEarlierProblemIsRestatedByItsNearestLaterOneOnly() {
        // later 0 and later 1 both lean on earlier 0; later 1 is nearer, so later 0 gets nothing
        double[][] sim = {{0.5, 0.1}, {0.7, 0.2}};
        assertArrayEquals(new int[] {-1, 0}, RepeatMatching.decide(sim, PLAIN));
    }

    @Test
    void theFloorAndTheMarginRefusePairsThatDoNotStandOut() {
        double[][] sim = {{0.29, 0.1}, {0.1, 0.45}};
        assertArrayEquals(new int[] {-1, 1}, RepeatMatching.decide(sim, PLAIN));
        double[][] close = {{0.5, 0.48}, {0.1, 0.1}};
        assertArrayEquals(new int[] {0, -1}, RepeatMatching.decide(close, PLAIN));
        assertArrayEquals(new int[] {-1, -1}, RepeatMatching.decide(close, new RepeatMatching.Settings(0.3, 0.05, 0.9)));
    }

    @Test
    void aSurePairStandsWhateverCompetes() {
        // an earlier point split into two later ones, both copied: both are repeats
        double[][] sim = {{0.95, 0.1}, {0.92, 0.1}};
        assertArrayEquals(new int[] {0, 0}, RepeatMatching.decide(sim, PLAIN));
        assertArrayEquals(new int[0], RepeatMatching.decide(new double[0][0], PLAIN));
        assertArrayEquals(new int[] {-1}, RepeatMatching.decide(new double[][] {{}}, PLAIN));
    }

    @Test
    void theSecondTierIsTheLooserMatchingLessEveryPointOfTheFirst() {
        RepeatMatching.Settings loose = new RepeatMatching.Settings(0.15, 0, 0.9);
        // later 0 restates earlier 0 (first tier); later 1 leans on earlier 0 too and on earlier 1 a little,
        // later 2 is near earlier 2 only below the first floor
        double[][] sim = {{0.7, 0.1, 0.1}, {0.5, 0.2, 0.1}, {0.1, 0.1, 0.25}};
        int[] first = RepeatMatching.decide(sim, PLAIN);
        assertArrayEquals(new int[] {0, -1, -1}, first);
        assertArrayEquals(new int[] {-1, 1, 2}, RepeatMatching.secondTier(sim, first, loose));
        // a sure pair sharing its earlier point with the first tier is not offered again
        double[][] split = {{0.95, 0.1}, {0.92, 0.1}, {0.1, 0.2}};
        int[] sure = RepeatMatching.decide(split, PLAIN);
        assertArrayEquals(new int[] {0, 0, -1}, sure);
        assertArrayEquals(new int[] {-1, -1, 1}, RepeatMatching.secondTier(split, sure, loose));
        assertArrayEquals(new int[0], RepeatMatching.secondTier(new double[0][0], new int[0], loose));
    }
}
