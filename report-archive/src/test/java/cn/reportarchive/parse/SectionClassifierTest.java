package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionClassifierTest {
    @ParameterizedTest
    @CsvSource({
            "上一年度民主生活会整改措施落实情况, RECTIFICATION",
            "上年度专题民主生活会整改落实情况, RECTIFICATION",
            "2022年度民主生活会整改措施落实情况, RECTIFICATION",
            "对照六个方面查摆的问题, PROBLEMS",
            "存在的问题, PROBLEMS",
            "查摆出的突出问题, PROBLEMS",
            "存在问题的原因分析, CAUSES",
            "问题产生的根源, CAUSES",
            "剖析根源, CAUSES",
            "针对问题的改进措施, MEASURES",
            "下一步整改措施, MEASURES",
            "努力方向和改进措施, MEASURES",
            "表态, OTHER"})
    void classifies(String heading, SectionType expected) {
        assertEquals(expected, SectionClassifier.classify(heading));
    }
}
