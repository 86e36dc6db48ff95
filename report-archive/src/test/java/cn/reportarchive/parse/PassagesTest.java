package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassagesTest {
    @Test
    void refsNameEveryPassageByItsPlace() {
        Report r = new ReportParser(AspectTaxonomy.defaults()).parse(String.join("\n",
                "某局2023年度民主生活会对照检查材料",
                "根据通知要求，广泛征求意见。",
                "现对照检查如下：",
                "一、存在的问题",
                "对照六个方面，查摆出以下问题：",
                "（一）理论学习方面。我们认真学习，但仍有差距：一是学习不系统。二是学用脱节。",
                "（二）工作作风方面",
                "调研不够深入。",
                "二、原因分析",
                "理想信念有所松懈。",
                "以上对照检查，恳请批评指正。"));
        List<String> refs = Passages.of(r).stream().map(p -> p.ref() + " " + p.section().key()).toList();
        assertEquals(List.of("preface/1 other", "preface/2 other", "problems problems", "problems/1 problems",
                "problems/1/1 problems", "problems/1/2 problems", "problems/2 problems", "causes/1 causes",
                "closing/1 other"), refs);
        Passage item = Passages.of(r).get(4);
        assertEquals("theory", item.aspect());
        assertEquals("（一）理论学习方面。", item.heading());
        assertEquals("一是学习不系统。", item.text());
    }
}
