package cn.reportarchive.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.export.WordDocument.Rich;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** The Word helper on its own, written and read back with POI. */
class WordDocumentTest {
    private static final PrintHeading HEADING = new PrintHeading("临江县财政局 领导班子", "2022—2023年", "zhang",
            ZonedDateTime.of(2026, 12, 3, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")));

    @Test
    void aDocumentIsA4LandscapeWithTheHeadingInItsPageHeader() throws Exception {
        WordDocument doc = new WordDocument(HEADING);
        doc.title("标题");
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(doc.bytes()))) {
            var size = read.getDocument().getBody().getSectPr().getPgSz();
            assertEquals(STPageOrientation.LANDSCAPE, size.getOrient());
            assertEquals(BigInteger.valueOf(16838), size.getW());
            String header = read.getHeaderList().get(0).getText();
            assertTrue(header.contains("临江县财政局 领导班子　2022—2023年"), header);
            assertTrue(header.contains("打印时间：2026-12-03 09:30　导出人：zhang"), header);
            assertTrue(header.contains("内部资料·注意保存"), header);
            assertFalse(read.getFooterList().isEmpty(), "page numbers at the foot");
        }
    }

    @Test
    void tablesRepeatTheirHeadingAndBandsSpanTheRow() throws Exception {
        WordDocument doc = new WordDocument(HEADING);
        WordDocument.Table t = doc.table(new int[] {1, 3}, "甲", "乙");
        t.band(Rich.bold("方面"), "EDEDED");
        t.row(Rich.of("一"), Rich.of("二").newParagraph().text("三"));
        t.row(null, Rich.of("四"));
        assertThrows(IllegalArgumentException.class, () -> t.row(Rich.of("只有一格")));
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(doc.bytes()))) {
            XWPFTable table = read.getTables().get(0);
            assertTrue(table.getRow(0).isRepeatHeader());
            assertEquals(List.of("甲", "乙"), table.getRow(0).getTableCells().stream().map(c -> c.getText()).toList());
            assertEquals(1, table.getRow(1).getTableCells().size(), "a band is one cell across");
            assertEquals(BigInteger.TWO, table.getRow(1).getCell(0).getCTTc().getTcPr().getGridSpan().getVal());
            assertEquals(2, table.getRow(2).getCell(1).getParagraphs().size(), "two paragraphs in one cell");
            assertEquals("", table.getRow(3).getCell(0).getText());
            // the columns share the width 1:3
            long w0 = ((Number) table.getRow(2).getCell(0).getCTTc().getTcPr().getTcW().getW()).longValue();
            long w1 = ((Number) table.getRow(2).getCell(1).getCTTc().getTcPr().getTcW().getW()).longValue();
            assertEquals(3.0, (double) w1 / w0, 0.01);
        }
    }

    @Test
    void markedTextHighlightsEveryOccurrenceOfTheRuns() throws Exception {
        WordDocument doc = new WordDocument(HEADING);
        doc.paragraph(Rich.of("").marked("学习不够深入，研究不够深入。", List.of("不够深入", "深入，研究")));
        try (XWPFDocument read = new XWPFDocument(new ByteArrayInputStream(doc.bytes()))) {
            var p = read.getParagraphs().get(0);
            StringBuilder marked = new StringBuilder();
            StringBuilder plain = new StringBuilder();
            for (XWPFRun r : p.getRuns()) {
                (r.isHighlighted() ? marked : plain).append(r.text()).append('|');
            }
            assertEquals("不够深入，研究不够深入|", marked.toString(), "overlapping runs merge into one mark");
            assertEquals("学习|。|", plain.toString());
            assertEquals("学习不够深入，研究不够深入。", p.getText());
        }
    }
}
