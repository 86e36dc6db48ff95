package cn.reportarchive.extract.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A table of problems or measures as one numbered point per row. */
class PointTableTest {
    @Test
    void rowsBecomeNumberedPointsWithTheOtherColumnsNamed() {
        List<List<String>> rows = List.of(
                List.of("序 号", "存在问题", "整改措施", "责任人", "完成时限"),
                List.of("1", "理论学习不够系统。", "制定年度学习计划，每月集中研讨一次。", "张三", "2024年6月底"),
                List.of("2", "调查研究不够深入", "每季度到基层蹲点调研不少于5天", "", "长期坚持"));
        assertEquals(List.of(
                "1.理论学习不够系统；整改措施：制定年度学习计划，每月集中研讨一次；责任人：张三；完成时限：2024年6月底。",
                "2.调查研究不够深入；整改措施：每季度到基层蹲点调研不少于5天；完成时限：长期坚持。"),
                PointTable.points(rows).orElseThrow());
    }

    @Test
    void theMainColumnComesFirstAndAGroupRowStaysAHeading() {
        List<List<String>> rows = List.of(
                List.of("方面", "问题表现", "整改措施"),
                List.of("（一）理论学习方面"),
                List.of("学习", "学用结合不紧", "以学促干"));
        assertEquals(List.of("（一）理论学习方面", "1.学用结合不紧；方面：学习；整改措施：以学促干。"),
                PointTable.points(rows).orElseThrow());
    }

    @Test
    void aTableWithoutAHeaderOfPointsIsNotOne() {
        assertTrue(PointTable.points(List.of(List.of("中共某县委办公室", "2024年1月"), List.of("a", "b"))).isEmpty());
        assertTrue(PointTable.points(List.of(List.of("问题", "措施"))).isEmpty());
        assertTrue(PointTable.points(List.of(
                List.of("在理论学习方面存在的问题是学习不够系统深入，这是一个很长的单元格", "措施"),
                List.of("x", "y"))).isEmpty());
    }
}
