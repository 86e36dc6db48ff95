package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The claims parser on sentences written for this test in the genre's many wordings (not taken from
 * the sample reports, whose sentences the report page is checked on), and on sentences with numbers
 * that claim nothing.
 */
class ClaimedNumbersTest {
    /** sentence, then aspects, problems, measures, total, done, ongoing, all (null: not claimed). */
    private record Case(String text, Integer aspects, Integer problems, Integer measures, Integer total, Integer done,
            Integer ongoing, boolean all) {
    }

    private static final List<Case> CLAIMS = List.of(
            new Case("上年度查摆的13个问题已整改完成10个", null, 13, null, null, 10, null, false),
            new Case("共梳理问题十二项，已完成整改9项、正在整改3项", null, 12, null, null, 9, 3, false),
            new Case("对照检查查摆出的5个方面18条问题已全部整改到位", 5, 18, null, null, null, null, true),
            new Case("针对上年度查找出的四个方面十六个问题，班子制定整改措施二十一条，截至目前已完成十九条，其余两条正在持续推进",
                    4, 16, 21, null, 19, 2, false),
            new Case("去年民主生活会查摆的9个突出问题，已销号7个，剩余2个需长期坚持", null, 9, null, null, 7, 2, false),
            new Case("班子对去年梳理的问题清单15项逐项对账，已整改到位14项，1项持续推进", null, 15, null, null, 14, 1, false),
            new Case("上年度制定的26条整改措施均已落实到位", null, null, 26, null, null, null, true),
            new Case("其中11个问题已整改到位，另有3个问题正在整改", null, 3, null, null, 11, null, false),
            new Case("2023年度民主生活会查摆的８个问题、制定的１０项整改举措，目前已经完成８项，２项按计划推进",
                    null, 8, 10, null, 8, 2, false),
            new Case("对上次专题民主生活会查摆问题共计20个，逐一建立台账，整改完成率100%", null, 20, null, null, null, null, true),
            new Case("本人上年度对照检查提出的7项整改措施，已落实6项，尚有1项未完成", null, null, 7, null, 6, 1, false),
            new Case("上年度整改任务共14项，完成了12项", null, null, 14, null, 12, null, false),
            new Case("围绕六个方面查摆出的二十三个问题，目前已办结二十个，三个正在推进中", 6, 23, null, null, 20, 3, false),
            new Case("局党组上年度明确的整改事项共17项，已完成15项，2项转为长期坚持", null, null, 17, null, 15, 2, false),
            new Case("上年度提出的一百零五条整改措施已全部完成", null, null, 105, null, null, null, true),
            new Case("去年查找的3个方面11个问题，已整改8个，3个正在整改", 3, 11, null, null, 8, 3, false),
            new Case("上一年度共12项整改任务，已全部完成阶段性目标", null, null, 12, null, null, null, true));

    /** Numbers that are not claims: set phrases, ordinals, other things counted, dates, times. */
    private static final List<String> NOT_CLAIMS = List.of(
            "增强“四个意识”、坚定“四个自信”、做到“两个维护”",
            "严格落实中央八项规定精神，坚决反对“四风”",
            "围绕“六个带头”深入查摆",
            "组织集中学习12次，撰写心得体会3篇",
            "深入8个乡镇开展专题调研",
            "第三条措施落实不够到位",
            "一是理论学习不够深入，二是调查研究不够扎实",
            "2023年以来，走访困难群众200余户",
            "完成3个课题调研报告",
            "力争在3个月内完成整改",
            "整改措施不够具体，问题整改不够彻底",
            "从五个方面进行了深刻剖析");

    @Test
    void writtenClaimsAreRead() {
        for (Case c : CLAIMS) {
            ClaimedNumbers.Claim got = ClaimedNumbers.merged(ClaimedNumbers.in(c.text()));
            assertNotNull(got, c.text());
            assertEquals(c.aspects(), got.aspects(), "aspects: " + c.text());
            assertEquals(c.problems(), got.problems(), "problems: " + c.text());
            assertEquals(c.measures(), got.measures(), "measures: " + c.text());
            assertEquals(c.total(), got.total(), "total: " + c.text());
            assertEquals(c.done(), got.done(), "done: " + c.text());
            assertEquals(c.ongoing(), got.ongoing(), "ongoing: " + c.text());
            assertEquals(c.all(), got.all(), "all: " + c.text());
        }
        assertTrue(CLAIMS.size() >= 15);
    }

    @Test
    void numbersThatClaimNothingAreNotClaims() {
        for (String text : NOT_CLAIMS) {
            assertEquals(List.of(), ClaimedNumbers.in(text), text);
        }
    }

    @Test
    void aClaimAcrossSentencesIsMerged() {
        String text = "上年度民主生活会后，班子针对查摆出的6个方面15个问题，制定整改措施13条，明确责任领导和完成时限。"
                + "目前，13条整改措施已完成10条，其余3条正在持续推进。";
        List<ClaimedNumbers.Claim> claims = ClaimedNumbers.in(text);
        assertEquals(2, claims.size());
        ClaimedNumbers.Claim merged = ClaimedNumbers.merged(claims);
        assertEquals(6, merged.aspects());
        assertEquals(15, merged.problems());
        assertEquals(13, merged.measures());
        assertEquals(10, merged.done());
        assertEquals(3, merged.ongoing());
        assertEquals("条", merged.counter());
        assertEquals("上年查摆 6 个方面 15 个问题、制定整改措施 13 项，已完成 10 条、3 条正在推进", ClaimWords.claimed(merged));
    }

    @Test
    void allDoneCountsTheWhole() {
        ClaimedNumbers.Claim c = ClaimedNumbers.merged(ClaimedNumbers.in("查摆出的5个方面18条问题已全部整改到位。"));
        assertEquals(18, c.claimedDone());
        assertNull(ClaimedNumbers.merged(List.of()));
    }

    @Test
    void doubtsSayWhatDoesNotAddUp() {
        ClaimedNumbers.Claim c = ClaimedNumbers.merged(ClaimedNumbers.in("上年度查摆的13个问题已整改完成10个，正在整改2个。"));
        List<String> doubts = ClaimWords.doubts(c, 15, 17, 7);
        assertEquals(3, doubts.size(), doubts.toString());
        assertTrue(doubts.get(0).contains("13") && doubts.get(0).contains("15"), doubts.get(0));
        assertTrue(doubts.get(1).contains("只有 7 项"), doubts.get(1));
        assertTrue(doubts.get(2).contains("之和为 12"), doubts.get(2));
        assertEquals(List.of(), ClaimWords.doubts(c, 13, 17, 10).stream().filter(d -> !d.contains("之和")).toList());
    }
}
