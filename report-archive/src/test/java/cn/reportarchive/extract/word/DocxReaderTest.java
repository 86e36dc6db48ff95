package cn.reportarchive.extract.word;

import static cn.reportarchive.extract.word.HandWrittenDocx.lvl;
import static cn.reportarchive.extract.word.HandWrittenDocx.numPr;
import static cn.reportarchive.extract.word.HandWrittenDocx.paragraph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The .docx reader on hand-written numbering.xml, styles.xml and body markup. */
class DocxReaderTest {
    private static List<String> read(String body, String numbering, String styles) throws Exception {
        String text = new DocxReader().read(HandWrittenDocx.of(body, numbering, styles), 5_000_000).orElseThrow();
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    private static String abstractNum(int id, String... levels) {
        return "<w:abstractNum w:abstractNumId=\"" + id + "\">" + String.join("", levels) + "</w:abstractNum>";
    }

    private static String num(int numId, int abstractId, String overrides) {
        return "<w:num w:numId=\"" + numId + "\"><w:abstractNumId w:val=\"" + abstractId + "\"/>" + overrides + "</w:num>";
    }

    @Test
    void formatsTemplatesStartValuesAndLegalNumbering() throws Exception {
        String numbering = abstractNum(1,
                lvl(0, "ideographTraditional", 1, "（%1）", ""),
                lvl(1, "decimalEnclosedCircle", 3, "%2", ""),
                lvl(2, "decimal", 1, "%1.%2.%3", "<w:isLgl/>"),
                lvl(3, "chineseCountingThousand", 10, "第%4条", ""))
                + num(1, 1, "");
        String body = paragraph(numPr(1, 0), null, "甲项") + paragraph(numPr(1, 1), null, "从三起")
                + paragraph(numPr(1, 1), null, "接着") + paragraph(numPr(1, 2), null, "法律式")
                + paragraph(numPr(1, 3), null, "十条") + paragraph(numPr(1, 0), null, "乙项")
                + paragraph(numPr(1, 1), null, "重新从三起");
        assertEquals(List.of("（甲）甲项", "③从三起", "④接着", "1.4.1法律式", "第十条十条", "（乙）乙项", "③重新从三起"),
                read(body, numbering, ""));
    }

    @Test
    void aLevelThatNeverRestartsAndAnOverriddenStart() throws Exception {
        String numbering = abstractNum(1,
                lvl(0, "chineseCounting", 1, "%1、", ""),
                lvl(1, "decimal", 1, "%2.", "<w:lvlRestart w:val=\"0\"/>"))
                + num(1, 1, "")
                + num(2, 1, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/></w:lvlOverride>");
        String body = paragraph(numPr(1, 0), null, "存在的问题") + paragraph(numPr(1, 1), null, "甲")
                + paragraph(numPr(1, 0), null, "原因") + paragraph(numPr(1, 1), null, "乙")
                + paragraph(numPr(2, 0), null, "另起一个列表");
        assertEquals(List.of("一、存在的问题", "1.甲", "二、原因", "2.乙", "五、另起一个列表"), read(body, numbering, ""));
    }

    @Test
    void twoInstancesOfOneListShareItsCountersWithoutOverrides() throws Exception {
        String numbering = abstractNum(1, lvl(0, "chineseCounting", 1, "%1、", "")) + num(1, 1, "") + num(2, 1, "");
        String body = paragraph(numPr(1, 0), null, "甲") + paragraph(null, null, "正文") + paragraph(numPr(2, 0), null, "乙");
        assertEquals(List.of("一、甲", "正文", "二、乙"), read(body, numbering, ""));
    }

    @Test
    void numberingCarriedByStylesThroughTheBasedOnChain() throws Exception {
        String numbering = abstractNum(1,
                lvl(0, "chineseCounting", 1, "%1、", "<w:pStyle w:val=\"H1\"/>"),
                lvl(1, "chineseCounting", 1, "（%2）", "<w:pStyle w:val=\"H2\"/>"))
                + num(7, 1, "");
        String styles = "<w:style w:type=\"paragraph\" w:styleId=\"Base\"><w:name w:val=\"heading base\"/>"
                + "<w:pPr><w:numPr><w:numId w:val=\"7\"/></w:numPr></w:pPr></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"H1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Base\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"H2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"H1\"/></w:style>"
                + "<w:style w:type=\"paragraph\" w:styleId=\"Plain\"><w:name w:val=\"plain\"/><w:basedOn w:val=\"H1\"/>"
                + "<w:pPr><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr></w:style>";
        String body = paragraph(null, "H1", "存在的问题") + paragraph(null, "H2", "理论学习方面")
                + paragraph(null, "H2", "工作作风方面") + paragraph(null, "Plain", "不编号的标题")
                + paragraph("<w:numPr><w:numId w:val=\"0\"/></w:numPr>", "H1", "编号被去掉")
                + paragraph(null, "H1", "原因分析") + paragraph(null, "H2", "理想信念");
        assertEquals(List.of("一、存在的问题", "（一）理论学习方面", "（二）工作作风方面", "不编号的标题", "编号被去掉",
                "二、原因分析", "（一）理想信念"), read(body, numbering, styles));
    }

    @Test
    void aListThatTakesItsLevelsFromANumberingStyle() throws Exception {
        String numbering = "<w:abstractNum w:abstractNumId=\"1\"><w:styleLink w:val=\"ReportList\"/>"
                + lvl(0, "chineseCounting", 1, "%1、", "") + "</w:abstractNum>"
                + "<w:abstractNum w:abstractNumId=\"2\"><w:numStyleLink w:val=\"ReportList\"/></w:abstractNum>"
                + num(1, 1, "") + num(2, 2, "");
        String styles = "<w:style w:type=\"numbering\" w:styleId=\"ReportList\"><w:name w:val=\"report list\"/>"
                + "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";
        String body = paragraph(numPr(2, 0), null, "存在的问题") + paragraph(numPr(2, 0), null, "原因分析");
        assertEquals(List.of("一、存在的问题", "二、原因分析"), read(body, numbering, styles));
    }

    @Test
    void aTocFieldWithoutContentControlOrStylesIsSkippedWithItsHeading() throws Exception {
        String entry = "<w:p><w:r><w:t>一、存在的问题</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>2</w:t></w:r></w:p>";
        String body = "<w:p><w:r><w:t>目 录</w:t></w:r></w:p>"
                + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o \"1-3\" </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>标题页</w:t></w:r></w:p>"
                + entry + "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
                + paragraph(null, null, "某某局党组对照检查材料")
                + "<w:p><w:r><w:t>第</w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple>"
                + "<w:hyperlink><w:r><w:t>页链接</w:t></w:r></w:hyperlink></w:p>";
        assertEquals(List.of("某某局党组对照检查材料", "第3页链接"), read(body, "", ""));
    }

    @Test
    void tocStyledParagraphsAreSkippedAndAContentsHeadingWithoutTocStays() throws Exception {
        String styles = "<w:style w:type=\"paragraph\" w:styleId=\"21\"><w:name w:val=\"toc 2\"/></w:style>";
        String body = paragraph(null, "21", "（一）理论学习方面\t3") + paragraph(null, null, "目录")
                + paragraph(null, null, "正文第一段");
        assertEquals(List.of("目录", "正文第一段"), read(body, "", styles));
    }

    @Test
    void aMeasuresTableWithMergedCellsGivesOnePointPerRow() throws Exception {
        String body = paragraph(null, null, "（一）整改措施")
                + "<w:tbl>" + row("序号", "问题", "整改措施", "责任人")
                + row("1", "学习不深", "每月研讨", "<vmerge-restart>张明")
                + row("2", "调研不实", "蹲点调研", "<vmerge>")
                + "</w:tbl>";
        assertEquals(List.of("（一）整改措施", "1.学习不深；整改措施：每月研讨；责任人：张明。",
                "2.调研不实；整改措施：蹲点调研；责任人：张明。"), read(body, "", ""));
    }

    @Test
    void anOrdinaryTableKeepsItsCellsAsParagraphsWithTheirNumbers() throws Exception {
        String numbering = abstractNum(1, lvl(0, "chineseCounting", 1, "%1、", "")) + num(1, 1, "");
        String body = "<w:tbl>" + "<w:tr><w:tc>" + paragraph(numPr(1, 0), null, "存在的问题") + paragraph(null, null, "学习不够。")
                + "</w:tc></w:tr></w:tbl>";
        assertEquals(List.of("一、存在的问题", "学习不够。"), read(body, numbering, ""));
    }

    @Test
    void contentControlsNestedPastAnyWrittenDocumentAreNotWalked() throws Exception {
        String body = paragraph(null, null, "正文") + "<w:sdt><w:sdtContent>".repeat(200) + paragraph(null, null, "深处")
                + "</w:sdtContent></w:sdt>".repeat(200);
        assertEquals(List.of("正文"), read(body, "", ""));
    }

    @Test
    void aFormatNameOutsideTheSchemaCountsInDigits() throws Exception {
        String numbering = abstractNum(1, lvl(0, "notAFormat", 1, "%1、", "")) + num(1, 1, "");
        assertEquals(List.of("1、存在的问题"), read(paragraph(numPr(1, 0), null, "存在的问题"), numbering, ""));
    }

    @Test
    void theCharacterLimitCutsTheText() throws Exception {
        String body = paragraph(null, null, "一二三四五六七八九十").repeat(10);
        String text = new DocxReader().read(HandWrittenDocx.of(body, "", ""), 25).orElseThrow();
        assertEquals(25, text.length());
    }

    private static String row(String... cells) {
        StringBuilder tr = new StringBuilder("<w:tr>");
        for (String cell : cells) {
            String props = "";
            String text = cell;
            if (cell.startsWith("<vmerge-restart>")) {
                props = "<w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>";
                text = cell.substring("<vmerge-restart>".length());
            } else if (cell.equals("<vmerge>")) {
                props = "<w:tcPr><w:vMerge/></w:tcPr>";
                text = "";
            }
            tr.append("<w:tc>").append(props).append("<w:p><w:r><w:t>").append(text).append("</w:t></w:r></w:p></w:tc>");
        }
        return tr.append("</w:tr>").toString();
    }
}
