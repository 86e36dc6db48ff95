package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Correction;
import cn.reportarchive.parse.Correction.Field;
import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportKind;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.parse.WarningCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of a correction and how corrections are applied to a report as read, again and again. */
class CorrectionsTest {
    private final AspectTaxonomy taxonomy = AspectTaxonomy.defaults();
    private final Corrections corrections = new Corrections(taxonomy);

    /** A team report whose header names no year (the placeholder-free "年度" is missing). */
    private Report read(String titleYear) {
        String text = String.join("\n",
                "中共临江县水利局党组",
                "临江县水利局党组领导班子" + titleYear + "民主生活会对照检查材料",
                "按照县委要求，班子成员认真查摆问题。现对照检查如下：",
                "一、存在的问题",
                "（一）关于理论学习方面",
                "1.学习贯彻党的创新理论不够深入，满足于读原文、记笔记。",
                "2.运用理论指导水利工作不够有力。",
                "（二）关于担当作为方面",
                "1.防汛抗旱工作中存在等靠思想。",
                "二、下一步整改措施",
                "（一）强化理论武装",
                "1.落实第一议题制度。");
        return new ReportParser(taxonomy).parse(text);
    }

    private static Corrections.Request fields(Map<Field, String> f) {
        return new Corrections.Request(f, Map.of());
    }

    @Test
    void refusesImpossibleValuesInOneChineseSentence() {
        assertTrue(Corrections.problem(Field.YEAR, "1850").contains("1949"));
        assertTrue(Corrections.problem(Field.YEAR, "二〇二一年的某天").contains("不是有效的年份"));
        assertTrue(Corrections.problem(Field.YEAR, "2021.5").contains("不是有效的年份"));
        assertTrue(Corrections.problem(Field.UNIT, "\u0001\u0002\u0003").contains("控制字符"));
        assertTrue(Corrections.problem(Field.UNIT, "临江县\u200b财政局").contains("控制字符"));
        assertTrue(Corrections.problem(Field.KIND, "committee").contains("team"));
        assertTrue(Corrections.problem(Field.UNIT, "   ").contains("不能为空"));
        assertTrue(Corrections.problem(Field.TITLE, "标".repeat(Corrections.MAX_TITLE + 1)).contains("过长"));
        assertNull(Corrections.problem(Field.YEAR, "2021"));
        assertNull(Corrections.problem(Field.KIND, "personal"));
        assertNotNull(corrections.check(new Corrections.Request(Map.of(), Map.of(ItemRef.parse("problems/1"), "astrology"))));
        assertNotNull(corrections.check(new Corrections.Request(Map.of(), Map.of(ItemRef.parse("problems/1/1"), "theory"))));
        assertNotNull(corrections.check(new Corrections.Request(Map.of(), Map.of())));
    }

    @Test
    void theCorrectionWinsAndTheFileSaysStaysBesideIt() throws Exception {
        Report asRead = read("2022年度");
        assertEquals(2022, asRead.year());
        List<Correction> made = corrections.made(asRead, fields(Map.of(Field.YEAR, "2021", Field.KIND, "team")), "zhang", "2024-01-05T08:00:00Z");
        Report corrected = Corrections.apply(asRead, made);
        assertEquals(2021, corrected.year());
        Correction year = corrected.corrections().stream().filter(c -> c.field() == Field.YEAR).findFirst().orElseThrow();
        assertEquals("2022", year.original());
        assertEquals("2021", year.value());
        assertEquals("zhang", year.by());
        assertEquals(ReportKind.TEAM, corrected.kind());

        // a second correction of the year keeps what the file said, not the first correction
        List<Correction> again = corrections.made(corrected, fields(Map.of(Field.YEAR, "2020")), "wang", "2024-01-06T08:00:00Z");
        assertEquals("2022", again.get(0).original());
        Report twice = Corrections.apply(corrected, Corrections.merged(made, again));
        assertEquals(2020, twice.year());
        assertEquals(1, twice.corrections().stream().filter(c -> c.field() == Field.YEAR).count());
        assertEquals(2, twice.corrections().size()); // year (replaced) and kind
    }

    @Test
    void aCorrectedYearEndsTheNoYearWarning() throws Exception {
        Report asRead = read("");
        assertNull(asRead.year());
        assertTrue(asRead.warnings().stream().anyMatch(w -> w.code() == WarningCode.NO_YEAR));
        Report corrected = Corrections.apply(asRead, corrections.made(asRead, fields(Map.of(Field.YEAR, "2023")), "zhang", "t"));
        assertTrue(corrected.warnings().stream().noneMatch(w -> w.code() == WarningCode.NO_YEAR));
        assertEquals(2023, corrected.year());
        Correction c = corrected.corrections().get(0);
        assertNull(c.original()); // the file said no year
    }

    @Test
    void anAspectCorrectionSetsTheBlockAndOutlivesARepParse() throws Exception {
        Report asRead = read("2022年度");
        ItemRef second = ItemRef.parse("problems/2");
        String parsed = Corrections.value(asRead, Field.ASPECT, second);
        assertNotNull(parsed);
        List<Correction> made = corrections.made(asRead,
                new Corrections.Request(Map.of(), Map.of(second, "理论学习")), "wang", "t");
        assertEquals("theory", made.get(0).value()); // a label is taken for its key
        Report corrected = Corrections.apply(asRead, made);
        assertEquals("theory", corrected.sections().get(0).blocks().get(1).aspect());
        assertEquals(parsed, corrected.corrections().get(0).original());
        // applied to a fresh reading of the same file (reindex), the result is the same
        assertEquals(corrected, Corrections.apply(read("2022年度"), made));

        Corrections.Refused missing = assertThrows(Corrections.Refused.class, () -> corrections.made(asRead,
                new Corrections.Request(Map.of(), Map.of(ItemRef.parse("problems/9"), "theory")), "wang", "t"));
        assertTrue(missing.getMessage().contains("问题（九）"));
    }

    @Test
    void aFileReadDifferentlyLaterShowsItsNewOriginal() throws Exception {
        List<Correction> made = corrections.made(read("2022年度"), fields(Map.of(Field.YEAR, "2021")), "zhang", "t");
        Report reread = Corrections.apply(read("2019年度"), made);
        assertEquals(2021, reread.year());
        assertEquals("2019", reread.corrections().get(0).original());
    }
}
