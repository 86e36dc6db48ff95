package cn.reportarchive.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second tier of a comparison (possibleRepeats, 疑似重复): two reports of one author written as
 * the reader met them, a point copied, a point reworded by another hand (the example)
 * and points of their own, compared as the product compares them.
 */
class PossibleRepeatsTest {
    /** The 2022 point (numbered as the others here, 一是 read as 1.) and its 2023 restatement in other words (same substance, below the repeat bar). */
    static final String DECIDE_2022 = "1.带头斗争意识不强，不敢大胆拍板，有时该决策的不决策，该拍板的不拍板，过度谨慎，工作节奏慢了下来。"
            + "有时候对一些过去正常办理的事项，怕出问题、不敢办，非要召开会议研究研究，看似作风民主、决策民主，实际目的是有责任大家共同承担。";
    static final String DECIDE_2023 = "1.遇事不敢拍板、决策过于谨慎。对一些本可依规直接办理的事项，担心出问题而反复开会研究，"
            + "表面上是发扬民主，实际上是想让大家共同分担责任，导致工作推进节奏放缓。";
    static final String COPIED = "2.理论学习的系统性不够，存在碎片化现象，满足于读报纸、看新闻、听传达，对原著原文读得少、钻得浅。";

    static YearCompare years;
    static Report earlier;
    static Report later;

    @BeforeAll
    static void load() throws Exception {
        years = new YearCompare(new Similarity(BackgroundCorpus.weights(), new WordView(SynonymClasses.load())),
                AspectTaxonomy.defaults());
        ReportParser parser = new ReportParser(AspectTaxonomy.defaults());
        earlier = parser.parse(report(2022, List.of(DECIDE_2022, COPIED,
                "3.档案数字化推进缓慢，馆藏纸质档案扫描进度滞后于年初计划。")));
        later = parser.parse(report(2023, List.of(DECIDE_2023, COPIED,
                "3.食堂采购管理制度不健全，询价比价记录不完整。")));
    }

    static String report(int year, List<String> problems) {
        StringBuilder s = new StringBuilder("临江县财政局 张明\n张明" + year + "年度民主生活会个人对照检查材料\n现对照检查如下：\n一、存在的问题\n（一）工作作风方面\n");
        problems.forEach(p -> s.append(p).append('\n'));
        return s.append("二、下一步整改措施\n（一）工作作风方面\n1.坚持重大事项集体研究、依规及时决策。\n").toString();
    }

    @Test
    void aRewordingBelowTheRepeatBarIsAPossibleRepeatAndNotARepeat() {
        Comparison c = years.compare(earlier, later);
        assertEquals(YearCompare.POSSIBLE_MATCHING.floor(), c.possibleThreshold());
        // the copy is a repeat, as before
        assertTrue(c.repeats().stream().anyMatch(r -> r.to().text().equals(COPIED) && r.from().text().equals(COPIED)), c.repeats().toString());
        assertTrue(c.repeats().stream().noneMatch(r -> r.to().text().equals(DECIDE_2023)), "the rewording is not a repeat");
        Comparison.Repeat reworded = c.possibleRepeats().stream().filter(r -> r.to().text().equals(DECIDE_2023)).findFirst()
                .orElseThrow(() -> new AssertionError("the rewording is a possible repeat: " + c.possibleRepeats()));
        assertEquals(DECIDE_2022, reworded.from().text());
        assertTrue(reworded.similarity() < YearCompare.REPEAT_THRESHOLD && reworded.similarity() >= c.possibleThreshold(),
                "between the two floors: " + reworded.similarity());
        assertFalse(reworded.matched().isEmpty(), "the words and synonyms a reader weighs are shown");
        reworded.shared().forEach(run -> assertTrue(DECIDE_2022.contains(run) && DECIDE_2023.contains(run), run));
    }

    @Test
    void theTiersShareNoPointAndEachPointIsInOnePossiblePairAtMost() {
        Comparison c = years.compare(earlier, later);
        Set<String> later = new HashSet<>();
        Set<String> earlier = new HashSet<>();
        c.repeats().forEach(r -> {
            later.add(r.to().ref());
            earlier.add(r.from().ref());
        });
        for (Comparison.Repeat r : c.possibleRepeats()) {
            assertTrue(later.add(r.to().ref()), "later point in one tier and once: " + r.to().ref());
            assertTrue(earlier.add(r.from().ref()), "earlier point in one tier and once: " + r.from().ref());
        }
    }

    @Test
    void theJsonCarriesTheSecondTierBesideTheRepeatsInTheSameShape() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(years.compare(earlier, later));
        JsonNode repeat = json.get("repeats").get(0);
        JsonNode possible = json.get("possibleRepeats").get(0);
        List<String> fields = new java.util.ArrayList<>();
        repeat.fieldNames().forEachRemaining(fields::add);
        List<String> possibleFields = new java.util.ArrayList<>();
        possible.fieldNames().forEachRemaining(possibleFields::add);
        assertEquals(fields, possibleFields);
        assertTrue(possibleFields.containsAll(List.of("to", "from", "similarity", "shared", "matched")), possibleFields.toString());
        assertEquals(DECIDE_2023, possible.get("to").get("text").asText());
        assertTrue(possible.get("to").has("aspect") && possible.get("from").has("ref"));
    }
}
