package cn.reportarchive.parse;

import cn.reportarchive.archive.UnitDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportParserTest {
    private final ReportParser parser = new ReportParser(AspectTaxonomy.defaults());

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private static List<String> texts(Block block) {
        return block.items().stream().map(Item::text).toList();
    }

    @Test
    void readsTheHeaderOfATeamReport() {
        Report r = parser.parse(lines(
                "中共临江县水利局党组",
                "临江县水利局党组领导班子2023年度主题教育专题民主生活会对照检查材料",
                "根据县委通知要求，局党组广泛征求意见，深入查摆问题。现对照检查如下：",
                "一、存在的问题",
                "1.理论学习不够深入。"));
        assertEquals("临江县水利局党组领导班子2023年度主题教育专题民主生活会对照检查材料", r.title());
        assertEquals(2023, r.year());
        assertEquals("中共临江县水利局党组", r.unit(), "the unit as written: the archive resolves it");
        assertEquals("专题民主生活会", r.meeting());
        assertEquals(ReportKind.TEAM, r.kind());
        assertNull(r.author());
        assertEquals(List.of("根据县委通知要求，局党组广泛征求意见，深入查摆问题。现对照检查如下："), r.preface());
    }

    @Test
    void readsPostAndNameWithOrWithoutTheSpaceBetweenThem() {
        for (String authorLine : List.of("党组书记、局长  张明华", "党组书记、局长张明华")) {
            Report r = parser.parse(lines("2023年度民主生活会个人对照检查材料", authorLine, "按照要求，现对照检查如下：",
                    "一、存在的问题", "一是学习不够。"));
            assertEquals("张明华", r.author(), authorLine);
            assertEquals("党组书记、局长", r.post(), authorLine);
            assertEquals(ReportKind.PERSONAL, r.kind());
        }
    }

    @Test
    void acceptsATitleWithNoUnitAndNoAuthor() {
        Report r = parser.parse(lines("领导干部2022民主生活会（六个方面）对照检查材料",
                "按照通知要求，班子成员认真学习，现将有关情况报告如下：", "一、查摆出的突出问题", "1.学习不深入。"));
        assertEquals(2022, r.year());
        assertNull(r.unit());
        assertNull(r.author());
        assertEquals(ReportKind.TEAM, r.kind(), "the preface speaks of 班子");
    }

    @Test
    void takesTheUnitFromTheTitleAndAYearWrittenInChineseNumerals() {
        Report r = parser.parse(lines("中共云溪镇委员会领导班子二〇二四年度民主生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.调研不深。"));
        assertEquals("云溪镇", UnitDirectory.key(r.unit()));
        assertEquals(2024, r.year());
    }

    @Test
    void classifiesSectionsByTheirWording() {
        Report r = parser.parse(lines("标题对照检查材料",
                "一、上一年度民主生活会整改措施落实情况", "1.已完成。",
                "二、对照六个方面查摆的问题", "1.学习不够。",
                "三、存在问题的原因分析", "理想信念有所松懈。",
                "四、下一步整改措施", "1.加强学习。",
                "五、表态", "我们将认真整改。"));
        assertEquals(List.of(SectionType.RECTIFICATION, SectionType.PROBLEMS, SectionType.CAUSES,
                SectionType.MEASURES, SectionType.OTHER), r.sections().stream().map(Section::type).toList());
        Block causes = r.sections().get(2).blocks().get(0);
        assertNull(causes.heading());
        assertEquals("理想信念有所松懈。", causes.intro());
        assertTrue(causes.items().isEmpty());
    }

    @Test
    void splitsEveryLineFormNumberingStyle() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）理论学习方面", "1.学习不系统。", "2、学用脱节。",
                "（二）工作作风方面", "（1）调研不深。", "（2）文山会海。",
                "（三）廉洁自律方面", "①监督不严。", "②家风建设不够。"));
        List<Block> blocks = r.sections().get(0).blocks();
        assertEquals(List.of("1.学习不系统。", "2、学用脱节。"), texts(blocks.get(0)));
        assertEquals(List.of("（1）调研不深。", "（2）文山会海。"), texts(blocks.get(1)));
        assertEquals(List.of("①监督不严。", "②家风建设不够。"), texts(blocks.get(2)));
        assertEquals(List.of(1, 2), blocks.get(2).items().stream().map(Item::n).toList());
    }

    @Test
    void splitsInlineEnumerationsButNotWordsThatContainThem() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）理论学习方面。我能够坚持学习，但查摆发现还存在：一是学习不够系统，认为思想统一是自然而然的事。"
                        + "二是唯一是从的心态仍有，学用结合不紧。三是宣讲不够。"));
        Block block = r.sections().get(0).blocks().get(0);
        assertEquals("（一）理论学习方面。", block.heading());
        assertEquals("我能够坚持学习，但查摆发现还存在：", block.intro());
        assertEquals(List.of("一是学习不够系统，认为思想统一是自然而然的事。", "二是唯一是从的心态仍有，学用结合不紧。",
                "三是宣讲不够。"), texts(block));
    }

    @Test
    void inlinePointsMaySpreadOverParagraphsAndRestart() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题", "（一）作风方面",
                "一是调研不深。", "二是会议偏多。", "另外，在基层减负上：一是报表多。二是检查多。"));
        Block block = r.sections().get(0).blocks().get(0);
        assertEquals(4, block.items().size());
        assertEquals("二是会议偏多。另外，在基层减负上：", block.items().get(1).text());
        assertEquals("一是报表多。", block.items().get(2).text());
        assertEquals(4, block.items().get(3).n());
    }

    @Test
    void lineFormPointsKeepTheirInlineEnumerationWhole() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题", "（一）作风方面",
                "1.调研不深。一是走马观花。二是浅尝辄止。", "2.会议偏多。"));
        assertEquals(List.of("1.调研不深。一是走马观花。二是浅尝辄止。", "2.会议偏多。"),
                texts(r.sections().get(0).blocks().get(0)));
    }

    @Test
    void aNumberRunningOnAfterTheDotIsAPointOnlyWhereTheCountSaysSo() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题", "（一）为民方面",
                "1.帮扶不精准。", "2.12315投诉处置偏慢。", "1.5倍的增长目标没有实现。"));
        assertEquals(List.of("1.帮扶不精准。", "2.12315投诉处置偏慢。1.5倍的增长目标没有实现。"),
                texts(r.sections().get(0).blocks().get(0)));
    }

    @Test
    void blockHeadingsEndAtTheirAspectOrFirstSentence() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）在带头坚持和加强党的全面领导方面",
                "1.议事决策不够规范。",
                "（二）在工作作风方面存在的问题：一是调研少。",
                "（三）作风建设有松劲心理，求真务实不够。一是认为作风方面的问题已经解决。二是整治不深。"));
        List<Block> blocks = r.sections().get(0).blocks();
        assertEquals("（一）在带头坚持和加强党的全面领导方面", blocks.get(0).heading());
        assertEquals("leadership", blocks.get(0).aspect());
        assertEquals("（二）在工作作风方面存在的问题：", blocks.get(1).heading());
        assertEquals(List.of("一是调研少。"), texts(blocks.get(1)));
        assertEquals("（三）作风建设有松劲心理，求真务实不够。", blocks.get(2).heading());
        assertEquals(2, blocks.get(2).items().size());
    }

    @Test
    void keepsTheSectionIntroApartFromTheBlocks() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题", "对照六个方面，班子查摆出以下问题：",
                "（一）理论学习方面", "1.学习不够。"));
        Section problems = r.sections().get(0);
        assertEquals("对照六个方面，班子查摆出以下问题：", problems.intro());
        assertEquals(1, problems.blocks().size());
        assertEquals("（一）理论学习方面", problems.blocks().get(0).heading());
    }

    @Test
    void theClosingPledgeAndSignatureAreNotPartOfTheLastPoint() {
        Report r = parser.parse(lines("标题对照检查材料", "一、下一步整改措施", "（一）理论学习方面",
                "1.坚持第一议题制度。", "2.开展专题研讨。",
                "以上对照检查，不妥之处，恳请同志们批评指正。", "中共云溪镇委员会", "2025年1月10日"));
        Block block = r.sections().get(0).blocks().get(0);
        assertEquals("2.开展专题研讨。", block.items().get(1).text());
        assertEquals(List.of("以上对照检查，不妥之处，恳请同志们批评指正。", "中共云溪镇委员会", "2025年1月10日"), r.closing());
    }

    @Test
    void aPledgeThatNamesTheMeetingAsAStartingPointClosesTheReport() {
        Report r = parser.parse(lines("标题对照检查材料", "一、下一步整改措施", "（一）理论学习方面",
                "1.坚持第一议题制度。",
                "局党组将以这次民主生活会为新的起点，坚持问题导向，逐项抓好整改落实。",
                "中共临江县财政局党组", "2024年1月22日"));
        assertEquals(List.of("1.坚持第一议题制度。"), texts(r.sections().get(0).blocks().get(0)));
        assertEquals(3, r.closing().size());
    }

    @Test
    void aOneSentenceBlockLineIsAllHeading() {
        Report r = parser.parse(lines("标题对照检查材料", "一、整改措施",
                "（一）针对改进工作作风方面的问题，切实为基层减负松绑。", "1.精简报表。",
                "（二）针对强化政治忠诚方面的问题，带头提高政治能力", "1.加强学习。"));
        List<Block> blocks = r.sections().get(0).blocks();
        assertEquals("（一）针对改进工作作风方面的问题，切实为基层减负松绑。", blocks.get(0).heading());
        assertEquals("", blocks.get(0).intro());
        assertEquals("（二）针对强化政治忠诚方面的问题，带头提高政治能力", blocks.get(1).heading());
    }

    @Test
    void measureBlocksTakeTheAspectOfTheProblemBlockTheyAnswerEvenOutOfOrder() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）在理论学习方面", "1.学习不够。",
                "（二）在为民服务方面", "1.服务不优。",
                "（三）在廉洁自律方面", "1.监督不严。",
                "二、整改措施",
                "（一）针对监督不严的问题，严格落实一岗双责", "1.开展警示教育。",
                "（二）持续深化学习，强化理论武装", "1.坚持第一议题。",
                "（三）践行以人民为中心，提升服务质效", "1.优化流程。"));
        List<String> measureAspects = r.sections().get(1).blocks().stream().map(Block::aspect).toList();
        assertEquals(List.of("integrity", "theory", "people"), measureAspects);
    }

    @Test
    void pairingFollowsTheProblemBlocksWhereAMeasureHeadingAloneWouldMislead() {
        // the second measure heading names no aspect word; the pairing still gives it the one left
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）在工作作风方面", "1.调研不深。",
                "（二）在担当作为方面", "1.斗争精神不足。",
                "二、整改措施",
                "（一）在改进作风上下功夫", "1.深入调研。",
                "（二）在攻坚克难上见行动", "1.敢于碰硬。"));
        assertEquals(List.of("style", "responsibility"),
                r.sections().get(1).blocks().stream().map(Block::aspect).toList());
    }

    @Test
    void aProseLineStartingWithANumeralIsNoSectionHeading() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）作风方面", "1.调研不深。",
                "一、二季度的调研计划没有完成，反映出班子在统筹安排上还有欠缺，这一问题在年中督查时已经被指出。"));
        assertEquals(1, r.sections().size());
        assertTrue(r.sections().get(0).blocks().get(0).items().get(0).text().endsWith("已经被指出。"));
    }
}
