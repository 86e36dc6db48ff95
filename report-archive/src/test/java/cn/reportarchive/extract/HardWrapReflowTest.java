package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text from a PDF exported from Word: lines broken at the page width, page numbers between pages. */
class HardWrapReflowTest {
    private static final String HEADING = "（三）针对改进工作作风、力戒形式主义官僚主义方面的问题，切实为基层减负松绑";

    private final TextNormalizer normalizer = new TextNormalizer();

    private String fromPdf(String... lines) {
        return normalizer.normalize(String.join("\n", lines), true);
    }

    @Test
    void linesBrokenAtThePageWidthAreJoinedBackIntoAParagraph() {
        assertEquals("根据县委关于召开2024年度民主生活会的通知要求，局党组以深入学习贯彻习近平新时代中国特色社会主义"
                        + "思想，深化党纪学习教育，推动党的二十届三中全会精神在财政领域落地见效为主题，对照“四个带头”认真"
                        + "开展对照检查。",
                fromPdf("根据县委关于召开 2024 年度民主生活会的通知要求，局党组以深入学习贯彻习近平新时代中国特色社会主义",
                        "思想，深化党纪学习教育，推动党的二十届三中全会精神在财政领域落地见效为主题，对照“ 四个带头”认真",
                        "开展对照检查。"));
    }

    @Test
    void shortHeaderLinesAreNotJoinedToTheNextLine() {
        assertEquals("中共临江县财政局党组\n"
                        + "临江县财政局党组领导班子2024年度民主生活会对照检查材料\n"
                        + "根据县委关于召开2024年度民主生活会的通知要求，局党组以深入学习贯彻习近平新时代中国特色社会主义"
                        + "思想，深化党纪学习教育。",
                fromPdf("中共临江县财政局党组",
                        "临江县财政局党组领导班子 2024 年度民主生活会对照检查材料",
                        "根据县委关于召开 2024 年度民主生活会的通知要求，局党组以深入学习贯彻习近平新时代中国特色社会主义",
                        "思想，深化党纪学习教育。"));
    }

    @Test
    void aFullLineEndingInAFullStopEndsTheParagraph() {
        assertEquals("局党组对上年度专题民主生活会查摆的6个方面18个问题逐项制定整改措施，建立问题、任务、责任“三张"
                        + "清单”，每季度调度一次，目前17条整改措施已全部完成阶段性目标，干部队伍结构得到明显改善。\n"
                        + "局党组将以此次民主生活会为新的起点，持之以恒抓好问题整改，以更加坚定的政治自觉、更加务实的工作"
                        + "作风，推动临江财政事业高质量发展。",
                fromPdf("局党组对上年度专题民主生活会查摆的 6 个方面 18 个问题逐项制定整改措施，建立问题、任务、责任“三张",
                        "清单”，每季度调度一次，目前 17 条整改措施已全部完成阶段性目标，干部队伍结构得到明显改善。",
                        "局党组将以此次民主生活会为新的起点，持之以恒抓好问题整改，以更加坚定的政治自觉、更加务实的工作",
                        "作风，推动临江财政事业高质量发展。"));
    }

    @Test
    void aFullStopInsideClosingQuotesEndsTheParagraphToo() {
        assertEquals("班子成员在谈心谈话中普遍表示，要把整改作为检验民主生活会成效的重要标尺，做到“问题不解决不松手。”\n"
                        + "局党组将以此次民主生活会为新的起点。",
                fromPdf("班子成员在谈心谈话中普遍表示，要把整改作为检验民主生活会成效的重要标尺，做到“问题不解决不松手。”",
                        "局党组将以此次民主生活会为新的起点。"));
    }

    @Test
    void aClosingQuoteWithoutAFullStopDoesNotEndTheParagraph() {
        assertEquals("1.文风会风改进不够彻底，有的文件照搬照转上级文件，有的会议议题准备不充分，基层仍感到“文山会海”"
                        + "负担较重。",
                fromPdf("1.文风会风改进不够彻底，有的文件照搬照转上级文件，有的会议议题准备不充分，基层仍感到“文山会海”",
                        "负担较重。"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"（二）", "(二)", "2.", "2．", "2、", "（2）", "三、", "第二，", "②"})
    void aNextLineOpeningWithAMarkerStartsANewParagraph(String marker) {
        String next = marker + "全面清理向乡镇和预算单位布置的报表，统一报表口径。";
        assertEquals(HEADING + "\n" + next, fromPdf(HEADING, next));
    }

    @Test
    void withoutAMarkerTheSameNextLineIsJoined() {
        String next = "全面清理向乡镇和预算单位布置的报表，统一报表口径。";
        assertEquals(HEADING + next, fromPdf(HEADING, next));
    }

    @Test
    void aContinuationLineOpeningWithAYearIsJoined() {
        assertEquals("三是抓项目争资金的主动性不够，全年争取上级转移支付和专项债券资金总量较上年有所下降，与"
                        + "2023年相比减少了近两成，与上级部门沟通衔接不够及时。",
                fromPdf("三是抓项目争资金的主动性不够，全年争取上级转移支付和专项债券资金总量较上年有所下降，与",
                        "2023 年相比减少了近两成，与上级部门沟通衔接不够及时。"));
    }

    @Test
    void aWrapInsideAWordEndingInANumeralIsJoined() {
        // 统一是 broken after 统: the 一是 at the head of the line is no inline point
        assertEquals("2.为基层减负的措施落得不够实，向乡镇和预算单位要报表的情况仍然存在，基层反映报表口径不统"
                        + "一是负担重的主要原因之一。",
                fromPdf("2.为基层减负的措施落得不够实，向乡镇和预算单位要报表的情况仍然存在，基层反映报表口径不统",
                        "一是负担重的主要原因之一。"));
    }

    @Test
    void aContinuationLineOpeningWithADecimalNumberIsJoined() {
        assertEquals("三是抓项目争资金的主动性不够，全年争取上级转移支付和专项债券资金共计约"
                        + "3.5亿元，与上级部门沟通衔接不够及时。",
                fromPdf("三是抓项目争资金的主动性不够，全年争取上级转移支付和专项债券资金共计约",
                        "3.5 亿元，与上级部门沟通衔接不够及时。"));
    }

    @Test
    void latinWordsSplitAcrossLinesKeepOneSpace() {
        assertEquals("2.为基层减负的措施落得不够实，向乡镇和预算单位要报表的情况仍然存在，大部分报表通过WPS "
                        + "Office表格报送。",
                fromPdf("2.为基层减负的措施落得不够实，向乡镇和预算单位要报表的情况仍然存在，大部分报表通过 WPS",
                        "Office 表格报送。"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"- 3 -", "— 3 —", "－3－", "3", "  12  ", "第 2 页 共 5 页", "第2页，共5页", "第 2 页", "2 / 5"})
    void pageNumberLinesAreDroppedAndTheParagraphRunsOn(String pageNumber) {
        assertEquals("2.对新时代党的建设总要求落实不够到位，推动模范机关创建的措施不多，机关党建示范引领作用发挥不明显。",
                fromPdf("2.对新时代党的建设总要求落实不够到位，推动模范机关创建的措施不多，机关党",
                        pageNumber,
                        "建示范引领作用发挥不明显。"));
    }

    @Test
    void formFeedsBetweenPagesDoNotBreakTheParagraph() {
        assertEquals("2.对新时代党的建设总要求落实不够到位，推动模范机关创建的措施不多，机关党建示范引领作用发挥不明显。",
                fromPdf("2.对新时代党的建设总要求落实不够到位，推动模范机关创建的措施不多，机关党\n\n- 3 -\f",
                        "建示范引领作用发挥不明显。"));
    }
}
