package cn.reportarchive.parse;

import cn.reportarchive.archive.UnitDirectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Header and metadata as real authors write them (issue 12, item 5) and the warnings they leave. */
class HeaderReadingTest {
    private final ReportParser parser = new ReportParser(AspectTaxonomy.defaults());

    private Report parse(String... lines) {
        return parser.parse(String.join("\n", lines));
    }

    private static List<WarningCode> codes(Report r) {
        return r.warnings().stream().map(ReportWarning::code).toList();
    }

    @Test
    void theYearComesFromThePrefaceWhenTheTitleHasNone() {
        Report r = parse("民主生活会个人对照检查材料", "按照开好2024年度民主生活会的要求，本人认真学习，2023年以来的工作对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertEquals(2024, r.year());
        assertFalse(codes(r).contains(WarningCode.NO_YEAR));
    }

    @Test
    void aPrefaceYearInChineseNumerals() {
        Report r = parse("民主生活会对照检查材料", "按照开好二〇二四年度民主生活会的要求，现对照检查如下：", "一、存在的问题", "1.学习不够。");
        assertEquals(2024, r.year());
    }

    @Test
    void aYearThePrefaceMerelyCitesIsNotTheReportsYear() {
        Report r = parse("民主生活会对照检查材料", "2022年以来，班子认真落实各项部署，现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertNull(r.year());
        assertTrue(codes(r).contains(WarningCode.NO_YEAR));
    }

    @Test
    void aPlaceholderYearIsUnknownWithAWarning() {
        for (String title : List.of("202X年度民主生活会个人对照检查材料", "20XX年民主生活会对照检查材料")) {
            Report r = parse(title, "按照开好2024年度民主生活会的要求，现对照检查如下：", "一、存在的问题", "1.学习不够。");
            assertNull(r.year(), title);
            assertEquals(List.of(WarningCode.YEAR_PLACEHOLDER), codes(r).stream()
                    .filter(c -> c == WarningCode.YEAR_PLACEHOLDER || c == WarningCode.NO_YEAR).toList(), title);
        }
    }

    @Test
    void aTitleWrappedOverTwoLinesIsJoined() {
        Report r = parse("中共临江县委常委班子2023年度主题教育专题民主", "生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertEquals("中共临江县委常委班子2023年度主题教育专题民主生活会对照检查材料", r.title());
        assertEquals("专题民主生活会", r.meeting());
        assertEquals(ReportKind.TEAM, r.kind());
        Report soft = parse("临江县财政局党组", "2023年度民主生活会", "个人对照检查材料", "党组书记、局长  张明华",
                "现对照检查如下：", "一、存在的问题", "1.学习不够。");
        assertEquals("2023年度民主生活会个人对照检查材料", soft.title());
        assertEquals("张明华", soft.author());
        assertEquals("临江县财政局", UnitDirectory.key(soft.unit()));
    }

    @Test
    void aPostIsNeverTheUnit() {
        Report r = parse("区委常委、区委宣传部长", "2023年度民主生活会个人对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertNull(r.unit());
        assertEquals("区委常委、区委宣传部长", r.post());
        Report inTitle = parse("区委常委、区委宣传部长李红梅2023年度民主生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertNull(inTitle.unit());
        assertEquals("李红梅", inTitle.author());
        assertEquals(ReportKind.PERSONAL, inTitle.kind());
    }

    @Test
    void authorLinesWithAColonOrThePostInBrackets() {
        Report colon = parse("2023年度民主生活会对照检查材料", "临江县财政局：张明华", "现对照检查如下：", "一、存在的问题", "1.学习不够。");
        assertEquals("张明华", colon.author());
        assertEquals("临江县财政局", UnitDirectory.key(colon.unit()));
        Report brackets = parse("2023年度民主生活会对照检查材料", "张明华（党组书记、局长）", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertEquals("张明华", brackets.author());
        assertEquals("党组书记、局长", brackets.post());
        assertEquals(ReportKind.PERSONAL, brackets.kind());
    }

    @Test
    void aPersonalReportThatMentionsItsTeamIsPersonal() {
        Report r = parse("2023年度民主生活会对照检查材料",
                "按照局党组班子的统一安排，我认真学习了有关文件，与班子成员逐一谈心谈话，现将本人对照检查情况报告如下：",
                "一、存在的问题", "1.学习不够。");
        assertEquals(ReportKind.PERSONAL, r.kind());
    }

    @Test
    void aTeamWritesAsTheTeam() {
        Report r = parse("2023年度民主生活会对照检查材料",
                "按照县委统一部署，局党组坚持自我革命，我们广泛征求意见，班子成员之间开展谈心谈话，现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertEquals(ReportKind.TEAM, r.kind(), "自我 and 我们 are no person's voice");
        Report organ = parse("中共临江县财政局党组2023年度民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题",
                "1.学习不够。");
        assertEquals(ReportKind.TEAM, organ.kind());
    }

    @Test
    void aBareNameFarFromTheTitleIsAGuess() {
        Report r = parse("2023年度民主生活会对照检查材料", "临江县", "张明华", "现对照检查如下：", "一、存在的问题", "1.学习不够。");
        assertTrue(codes(r).contains(WarningCode.HEADER_GUESSED), r.warnings().toString());
        Report plain = parse("2023年度民主生活会个人对照检查材料", "党组书记、局长  张明华", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。");
        assertFalse(codes(plain).contains(WarningCode.HEADER_GUESSED));
    }

    @Test
    void aReportWithoutStructureSaysSo() {
        Report r = parse("2023年度民主生活会对照检查材料", "本人认真学习，查找了学习不够、作风不实等问题，今后将认真整改。");
        assertTrue(codes(r).contains(WarningCode.NO_SECTIONS));
    }

    @Test
    void aCompilationIsRefusedWithTheNumberOfReports() {
        String text = String.join("\n",
                "【第一篇】", "临江县财政局党组领导班子2023年度民主生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。", "二、整改措施", "1.加强学习。",
                "【第二篇】", "党组书记、局长张明华2023年度民主生活会个人对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.调研不深。",
                "【第三篇】", "副局长王强2023年度民主生活会个人对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.担当不够。");
        String refusal = parser.refusal(text);
        assertTrue(refusal != null && refusal.contains("3"), refusal);
    }

    @Test
    void aTeamReportFollowedByItsMembersIsRefused() {
        String text = String.join("\n",
                "临江县财政局党组领导班子2023年度民主生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。", "二、整改措施", "1.加强学习。",
                "张明华同志2023年度民主生活会个人对照检查材料", "按照要求，现对照检查如下：",
                "一、存在的问题", "1.调研不深。", "二、整改措施", "1.深入调研。");
        String refusal = parser.refusal(text);
        assertTrue(refusal != null && refusal.contains("2"), refusal);
    }

    @Test
    void reportsTitledAsASpeechAreCountedToo() {
        String one = String.join("\n", "临江县交通运输局领导班子2023年度民主生活会对照检查发言", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。", "二、整改措施", "1.加强学习。");
        assertTrue(parser.refusal(one + "\n" + one.replace("领导班子", "党组书记、局长张明华")) != null);
        assertNull(parser.refusal(one));
    }

    @Test
    void aLeadInThatNamesTheCheckIsNoTitle() {
        String text = String.join("\n", "临江县交通运输局领导班子2023年度民主生活会对照检查材料", "现对照检查如下：",
                "一、存在的问题", "1.学习不够。", "二、整改措施", "1.加强学习。", "三、上年度对照检查整改情况", "对照检查如下：",
                "一、已完成的", "1.完成了学习计划。");
        assertNull(parser.refusal(text), "a colon-ended lead-in that says 对照检查 starts no report");
    }

    @Test
    void oneReportCitingItsTitleOrAMaterialIsNotACompilation() {
        String text = String.join("\n",
                "临江县财政局党组领导班子2023年度民主生活会对照检查材料",
                "临江县财政局党组领导班子2023年度民主生活会对照检查材料",
                "按照要求，班子认真学习了《关于开好2023年度民主生活会的通知》，形成了对照检查材料。现对照检查如下：",
                "一、存在的问题", "1.学习不够。", "二、原因分析", "理想信念有所松懈。",
                "三、整改措施", "1.加强学习。", "（附：2022年度民主生活会对照检查材料整改清单）");
        assertNull(parser.refusal(text));
        assertNull(parser.refusal("一、存在的问题\n1.学习不够。"));
    }

    @Test
    void theSignatureDateGivesTheYearWhenNothingElseDoes() {
        Report december = parse("“不忘初心、牢记使命”专题民主生活会检视剖析材料", "现对照检查如下：", "一、存在的问题", "1.学习不够。",
                "以上对照检查，恳请批评指正。", "2019年12月26日");
        assertEquals(2019, december.year());
        assertTrue(december.warnings().stream().anyMatch(w -> w.code() == WarningCode.HEADER_GUESSED
                && w.message().contains("落款日期")), "a year inferred from the date is a guess and says so");
        Report january = parse("民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题", "1.学习不够。",
                "以上对照检查，恳请批评指正。", "2019年1月10日");
        assertEquals(2018, january.year(), "signed in January: the meeting for the year before");
        Report placeholder = parse("202X年度民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题", "1.学习不够。",
                "以上对照检查，恳请批评指正。", "2023年1月10日");
        assertNull(placeholder.year(), "a placeholder title is not overruled by a date");
    }

    @Test
    void aBracketedUnitAndNameUnderTheTitle() {
        for (String line : List.of("（宁禾县税务局机关第三党支部  胡丽萍）", "（宁禾县税务局机关第三党支部胡丽萍）")) {
            Report r = parse("党史学习教育专题组织生活会", "个人对照检查材料", line, "根据安排，我认真学习，现对照检查如下：",
                    "一、存在的问题", "1.学习不够。");
            assertEquals("胡丽萍", r.author(), line);
            assertEquals("宁禾县税务局机关第三", UnitDirectory.key(r.unit()), line);
            assertEquals("党史学习教育专题组织生活会个人对照检查材料", r.title());
        }
        Report aspects = parse("领导干部民主生活会对照检查材料", "（六个方面）", "现对照检查如下：", "一、存在的问题", "1.学习不够。");
        assertNull(aspects.author());
    }

    @Test
    void aTeamNamedInTheTitleIsTheUnitThoughItsWordsEndAPost() {
        Report r = parse("中共柏川县委常委班子2018年度", "民主生活会对照检查材料", "现报告如下。", "一、存在的问题", "1.学习不够。");
        assertEquals("柏川县委", UnitDirectory.key(r.unit()));
        assertEquals(ReportKind.TEAM, r.kind());
        assertEquals(2018, r.year());
    }

    @Test
    void aProfessionalTitleInHalfWidthBracketsIsThePost() {
        Report r = parse("某某学院教工第二党支部", "2016年度专题组织生活会党员对照检查材料", "王丽华(副教授)", "我认真学习,现对照检查如下:",
                "一、存在的问题", "(1)学习不够.");
        assertEquals("王丽华", r.author());
        assertEquals("副教授", r.post());
        assertEquals("某某学院教工第二", UnitDirectory.key(r.unit()));
    }

    @Test
    void aUnitAndANameRunTogetherBelowTheTitle() {
        Report r = parse("专题组织生活会个人对照检查材料", "青石镇下河村党支部李长根", "我参加了学习，现对照检查如下：",
                "一、存在的问题", "一是学习不够。");
        assertEquals("李长根", r.author());
        assertEquals("青石镇下河村", UnitDirectory.key(r.unit()));
        Report above = parse("青石镇人民政府办公室", "2023年度民主生活会对照检查材料", "现对照检查如下：", "一、存在的问题", "1.学习不够。");
        assertNull(above.author(), "above the title a unit is not split into a unit and a name");
    }
}
