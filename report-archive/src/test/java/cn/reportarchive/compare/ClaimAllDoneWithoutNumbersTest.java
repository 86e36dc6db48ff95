package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "已全部完成整改" with no figure is still a claim: the page says 原文称已全部完成 and, when the report
 * accounts for fewer of last year's measures than there were, says how many are left without an account.
 */
class ClaimAllDoneWithoutNumbersTest {
    @Test
    void allDoneWithoutAFigureIsAClaim() {
        String text = "针对2024年度民主生活会查摆的问题，局党组对照整改清单逐项推进，目前已全部完成整改。";
        ClaimedNumbers.Claim c = ClaimedNumbers.merged(ClaimedNumbers.in(text));
        assertNotNull(c, text);
        assertTrue(c.all());
        assertEquals("已全部完成", ClaimWords.claimed(c));
        List<String> doubts = ClaimWords.doubts(c, 10, 12, 4);
        assertEquals(1, doubts.size(), doubts.toString());
        assertTrue(doubts.get(0).contains("12 条措施") && doubts.get(0).contains("只有 4 项") && doubts.get(0).contains("另 8 项"),
                doubts.get(0));
        assertEquals(List.of(), ClaimWords.doubts(c, 10, 12, 12));
    }

    @Test
    void aPledgeWithoutAllDoneIsNoClaim() {
        assertEquals(List.of(), ClaimedNumbers.in("局党组对照整改清单逐项推进，目前已基本完成。"));
    }
}
