package cn.reportarchive.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wording as real authors write it (issue 12, item 4): half-width punctuation, the other inline
 * forms, comma lead-ins, run-on section headings. Every new form has its text that must not split.
 */
class RealWordingTest {
    private final ReportParser parser = new ReportParser(AspectTaxonomy.defaults());

    private static String lines(String... lines) {
        return String.join("\n", lines);
    }

    private List<String> points(String... blockLines) {
        String[] all = new String[blockLines.length + 3];
        all[0] = "标题对照检查材料";
        all[1] = "一、存在的问题";
        all[2] = "（一）理论学习方面";
        System.arraycopy(blockLines, 0, all, 3, blockLines.length);
        Report r = parser.parse(lines(all));
        return r.sections().get(0).blocks().get(0).items().stream().map(Item::text).toList();
    }

    private String intro(String... blockLines) {
        String[] all = new String[blockLines.length + 3];
        all[0] = "标题对照检查材料";
        all[1] = "一、存在的问题";
        all[2] = "（一）理论学习方面";
        System.arraycopy(blockLines, 0, all, 3, blockLines.length);
        return parser.parse(lines(all)).sections().get(0).blocks().get(0).intro();
    }

    @Test
    void halfWidthBracketsAndColonsNumberAsFullWidthOnes() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "(一)理论学习方面:", "1)学习不系统;", "2)学用脱节;",
                "(二)工作作风方面", "(1)调研不深。", "(2)文山会海。"));
        List<Block> blocks = r.sections().get(0).blocks();
        assertEquals(2, blocks.size());
        assertEquals("(一)理论学习方面:", blocks.get(0).heading());
        assertEquals(List.of("1)学习不系统;", "2)学用脱节;"), blocks.get(0).items().stream().map(Item::text).toList());
        assertEquals(2, blocks.get(1).items().size());
    }

    @Test
    void halfWidthStopsBoundInlinePoints() {
        assertEquals(List.of("一是学习不够系统;", "二是学用结合不紧,", "三是宣讲不够。"),
                points("查摆发现还存在:一是学习不够系统;二是学用结合不紧,三是宣讲不够。"));
    }

    @Test
    void aCommaLeadInOpensAnInlineRun() {
        assertEquals(List.of("一是要带头学习；", "二是要带头宣讲。"), points("作为领导干部，一是要带头学习；二是要带头宣讲。"));
        assertEquals(List.of("一是学习不深。", "二是运用不够。"), points("对标理论武装的目标，一是学习不深。二是运用不够。"));
    }

    @Test
    void aLoneOneIsAfterACommaIsProse() {
        assertEquals(List.of(), points("对待工作要一是一，讲实话、办实事，这一点做得还不够。"));
        assertEquals(List.of(), points("班子对问题的认识，一是一贯的，但整改力度不够。"));
    }

    @Test
    void wordsThatHoldOneIsStayWhole() {
        assertEquals(List.of(), points("班子认为思想统一是前提，唯一是从的作风要不得，学习不够深入。"));
    }

    @Test
    void oneMustTwoMust() {
        assertEquals(List.of("一要深化学习，做到学深悟透；", "二要加强运用，做到学以致用；", "三要抓好宣讲。"),
                points("下一步：一要深化学习，做到学深悟透；二要加强运用，做到学以致用；三要抓好宣讲。"));
    }

    @Test
    void aUnifiedRequirementIsNoOneMust() {
        assertEquals(List.of(), points("按照统一要求，一要素一要素地对照，学习不够深入。"));
        assertEquals(List.of(), points("一要坚持学习，这是班子的共识，但落实不够。"), "one 一要 alone is no list");
    }

    @Test
    void firstSecondWithAComma() {
        assertEquals(List.of("第一，学习不够系统。", "第二，学用结合不紧。"), points("第一，学习不够系统。第二，学用结合不紧。"));
        assertEquals(List.of("第一，学习不够系统。", "第二，学用结合不紧。"), points("第一，学习不够系统。", "第二，学用结合不紧。"));
    }

    @Test
    void theFirstSecretaryIsNoFirstPoint() {
        assertEquals(List.of(), points("驻村第一书记的工作指导不够，第一议题制度落实不严，第二课堂流于形式。"));
    }

    @Test
    void itsOneItsTwo() {
        assertEquals(List.of("其一，学习不够系统；", "其二，学用结合不紧。"), points("主要表现在：其一，学习不够系统；其二，学用结合不紧。"));
    }

    @Test
    void itsGeneralIsNoItsOne() {
        assertEquals(List.of(), points("其一般性的学习较多，深入研讨较少，其二者的关系没有处理好。"));
    }

    @Test
    void theIntroBeforeANewFormStaysTheIntro() {
        assertEquals("我能够坚持学习，但查摆发现还存在：", intro("我能够坚持学习，但查摆发现还存在：第一，学习不系统。第二，学用脱节。"));
    }

    @Test
    void aSectionHeadingEndingInASemicolonIsAHeading() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题,存在问题的具体表现;",
                "（一）理论学习方面", "1.学习不够。",
                "二、原因分析;", "理想信念有所松懈。",
                "三、整改措施", "1.加强学习。"));
        assertEquals(List.of(SectionType.PROBLEMS, SectionType.CAUSES, SectionType.MEASURES),
                r.sections().stream().map(Section::type).toList());
        assertEquals("一、存在的问题,存在问题的具体表现;", r.sections().get(0).heading());
    }

    @Test
    void aSectionHeadingWhoseTextFollowsOnTheSameLine() {
        Report r = parser.parse(lines("标题对照检查材料",
                "一、存在的问题。对照六个方面，查摆出以下问题：",
                "（一）理论学习方面", "1.学习不够。",
                "二、原因分析：主要是理想信念有所松懈，宗旨意识有所淡化。",
                "三、整改措施（一）理论学习方面。1.加强学习。"));
        assertEquals(List.of(SectionType.PROBLEMS, SectionType.CAUSES, SectionType.MEASURES),
                r.sections().stream().map(Section::type).toList());
        assertEquals("一、存在的问题。", r.sections().get(0).heading());
        assertEquals("对照六个方面，查摆出以下问题：", r.sections().get(0).intro());
        assertEquals("主要是理想信念有所松懈，宗旨意识有所淡化。", r.sections().get(1).blocks().get(0).intro());
        Section measures = r.sections().get(2);
        assertEquals("三、整改措施", measures.heading());
        assertEquals("（一）理论学习方面。", measures.blocks().get(0).heading());
        assertEquals(List.of("1.加强学习。"), measures.blocks().get(0).items().stream().map(Item::text).toList());
    }

    @Test
    void aProseLineOpeningWithANumeralAndNamingAProblemIsNoHeading() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题", "（一）作风方面", "1.调研不深。",
                "一、二季度问题较多；三季度有所好转。",
                "三、整改措施较多，但落实不够。"));
        assertEquals(1, r.sections().size(), "out of sequence: prose, not headings");
        assertTrue(r.sections().get(0).blocks().get(0).items().get(0).text().endsWith("落实不够。"));
    }

    @Test
    void aTitleLineHoldingTheFirstSectionHeading() {
        Report r = parser.parse(lines("临江县水利局党组领导班子2023年度民主生活会对照检查材料一、存在的问题",
                "（一）理论学习方面", "1.学习不够。", "二、整改措施", "1.加强学习。"));
        assertEquals("临江县水利局党组领导班子2023年度民主生活会对照检查材料", r.title());
        assertEquals(List.of(SectionType.PROBLEMS, SectionType.MEASURES), r.sections().stream().map(Section::type).toList());
        assertEquals("一、存在的问题", r.sections().get(0).heading());
    }

    @Test
    void aTitleThatMerelyContainsANumeralIsNotSplit() {
        Report r = parser.parse(lines("关于落实“一、二、三”工作法的民主生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。"));
        assertEquals("关于落实“一、二、三”工作法的民主生活会对照检查材料", r.title());
        assertEquals(1, r.sections().size());
    }

    @Test
    void bracketedNumbersAndCircledNumbersInsideAParagraph() {
        assertEquals(List.of("（1）健全学习制度；", "（2）修订议事规则；", "（3）开展专项整治。"),
                points("针对问题制定了整改清单。（1）健全学习制度；（2）修订议事规则；（3）开展专项整治。"));
        assertEquals(List.of("①学习不够；", "②运用不够。"), points("主要有：①学习不够；②运用不够。"));
        assertEquals(List.of("（一）理想信念有所松懈。", "（二）党性修养有所放松。"),
                causes("根子在于初心使命有所淡化。（一）理想信念有所松懈。（二）党性修养有所放松。"));
    }

    @Test
    void aLoneBracketedNumberOrACitationIsNoPoint() {
        assertEquals(List.of(), points("按照《条例》（2019年修订）和通知（2）号文件的要求，学习不够深入。"));
        assertEquals(List.of(), causes("主要原因在于（一）些同志认识不到位，有所放松。"));
    }

    private List<String> causes(String paragraph) {
        Report r = parser.parse(lines("标题对照检查材料", "一、原因分析", paragraph));
        return r.sections().get(0).blocks().get(0).items().stream().map(Item::text).toList();
    }

    @Test
    void tableRowsWrittenAsLinesArePoints() {
        List<String> rows = points("序号  存在问题  整改措施  责任人  完成时限",
                "1乡村振兴部署落地不细修改完善规划吴建华2021年3月", "2  意识形态阵地管理不严  建立联系制度  吴建华  长期坚持",
                "3\t调研不深入\t每季度蹲点调研\t吴建华\t长期坚持");
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith("1乡村振兴"));
    }

    @Test
    void aLineOpeningWithANumberAndAMeasureWordIsNoRow() {
        assertEquals(List.of(), points("3个月内整改到位的问题有5个，其余正在推进。", "12次专题学习中有4次以传达文件代替研讨。"));
        assertEquals(List.of(), points("1项整改措施尚未完成，原因是资金没有落实。"));
    }

    @Test
    void aBlockLineWhosePointsBeginAtOnce() {
        Report r = parser.parse(lines("标题对照检查材料", "一、整改措施",
                "（一）一是要制定学习计划，每月集中学习不少于2天；二是要开展专题研究。",
                "（二）作为班子成员，一是要坚持第一议题制度；二是要建立督办台账。"));
        List<Block> blocks = r.sections().get(0).blocks();
        assertEquals("（一）", blocks.get(0).heading());
        assertEquals(2, blocks.get(0).items().size());
        assertEquals("（二）作为班子成员，", blocks.get(1).heading());
        assertEquals(2, blocks.get(1).items().size());
    }

    @Test
    void aBlockHeadingThatMerelyContainsAWordLikeOneIsStaysWhole() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题",
                "（一）坚持思想统一是前提方面", "1.学习不够。"));
        assertEquals("（一）坚持思想统一是前提方面", r.sections().get(0).blocks().get(0).heading());
    }

    @Test
    void measuresThatOpenLikeAPledgeStayMeasures() {
        Report r = parser.parse(lines("标题对照检查材料", "一、存在的问题", "1.学习不够。", "二、整改措施",
                "今后，我将从以下几方面加以改进：一要加强学习。二要改进作风。",
                "以上是我的个人对照检查，请同志们批评帮助。", "胡丽萍", "2021年12月10日"));
        assertEquals(2, r.sections().get(1).blocks().get(0).items().size());
        assertEquals(3, r.closing().size());
    }

    @Test
    void onceATableHasBegunTheNextNumberIsTheNextRow() {
        List<String> rows = points("序号  问题  措施", "1学习不深坚持周学习制度", "2人员管理不严建立考勤制度", "3人居环境整治慢每月督查一次");
        assertEquals(3, rows.size());
        assertEquals(List.of(), points("2人参加了培训，3人没有参加，学习不够深入。"), "a table starts at 1");
    }

    @Test
    void aLatinFullStopEndsAPointTypedInTheWrongInputMode() {
        assertEquals(List.of("一是学习不系统.", "二是学用脱节."), points("一是学习不系统.二是学用脱节."));
        assertEquals(List.of(), points("完成率为2.5倍,统一是前提,学习不够深入."));
        assertEquals(List.of("1.学习不系统。", "2.学用脱节。"), points("1.学习不系统。", "2.学用脱节。"),
                "1. and 2. stay line markers");
    }
}
