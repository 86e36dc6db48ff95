package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSpreadTest {
    private record Hit(String report, double score) {
        @Override
        public String toString() {
            return report + score;
        }
    }

    private static List<Hit> spread(int perReport, Hit... hits) {
        return ReportSpread.spread(List.of(hits), Hit::report, Hit::score, perReport);
    }

    @Test
    void aReportsThirdPassageWaitsBehindOtherReportsNearlyAsGood() {
        List<Hit> out = spread(2, new Hit("a", 10), new Hit("a", 9.5), new Hit("a", 9), new Hit("a", 8.8),
                new Hit("b", 8), new Hit("c", 7));
        assertEquals(List.of(new Hit("a", 10), new Hit("a", 9.5), new Hit("b", 8), new Hit("c", 7),
                new Hit("a", 9), new Hit("a", 8.8)), out);
    }

    @Test
    void aStrongPassageNeverFallsBehindWeakOnes() {
        List<Hit> out = spread(1, new Hit("a", 10), new Hit("a", 9), new Hit("b", 3), new Hit("c", 2));
        assertEquals(List.of(new Hit("a", 10), new Hit("a", 9), new Hit("b", 3), new Hit("c", 2)), out);
    }

    @Test
    void zeroKeepsTheRankOrder() {
        List<Hit> in = List.of(new Hit("a", 3), new Hit("a", 2), new Hit("b", 1));
        assertEquals(in, ReportSpread.spread(in, Hit::report, Hit::score, 0));
    }
}
