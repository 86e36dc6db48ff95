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
}
