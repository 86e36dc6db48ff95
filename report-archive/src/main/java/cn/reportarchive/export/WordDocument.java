package cn.reportarchive.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A Word document a leader can edit and print, as the exports write it (POI XWPF): A4 landscape,
 * a page header with whose material, which years, 打印时间 and 内部资料, page numbers at the foot,
 * and real tables whose heading row repeats on every page. Text is set in 宋体 (headings 黑体),
 * the fonts every Chinese Word and WPS installation has.
 *
 * <pre>{@code
 * WordDocument doc = new WordDocument(heading);
 * doc.title("临江县财政局 2022年度整改台账");
 * WordDocument.Table t = doc.table(new int[] {1, 4, 4}, "序号", "问题", "整改措施");
 * t.row(Rich.of("1"), Rich.of("…"), Rich.of("…"));
 * byte[] bytes = doc.bytes();
 * }</pre>
 */
public final class WordDocument {
    /** A4 landscape in twentieths of a point, and 2 cm margins (1.5 cm top and bottom). */
    private static final int PAGE_W = 16838;
    private static final int PAGE_H = 11906;
    private static final int MARGIN_SIDE = 1134;
    private static final int MARGIN_TOP = 851;
    /** The width between the margins, which tables fill. */
    public static final int TEXT_WIDTH = PAGE_W - 2 * MARGIN_SIDE;
    private static final String BODY_FONT = "宋体";
    private static final String HEAD_FONT = "黑体";
    private static final int BODY_SIZE = 10;

    private final XWPFDocument doc = new XWPFDocument();

    public WordDocument(PrintHeading heading) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_W));
        size.setH(BigInteger.valueOf(PAGE_H));
        size.setOrient(STPageOrientation.LANDSCAPE);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setLeft(BigInteger.valueOf(MARGIN_SIDE));
        margins.setRight(BigInteger.valueOf(MARGIN_SIDE));
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_TOP));
        margins.setHeader(BigInteger.valueOf(454));
        margins.setFooter(BigInteger.valueOf(454));
        pageHeader(heading);
        pageFooter();
    }

    /** 临江县财政局 领导班子 2022—2023年 (left) … 打印时间 … 内部资料·注意保存 (right), with a rule below. */
    private void pageHeader(PrintHeading heading) {
        XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph p = header.createParagraph();
        p.setBorderBottom(org.apache.poi.xwpf.usermodel.Borders.SINGLE);
        // a right-aligned tab stop at the text's right edge puts the second half at the margin
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        var stop = (ppr.isSetTabs() ? ppr.getTabs() : ppr.addNewTabs()).addNewTab();
        stop.setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc.RIGHT);
        stop.setPos(BigInteger.valueOf(TEXT_WIDTH));
        run(p, heading.what(), false, 9);
        XWPFRun tab = p.createRun();
        tab.addTab();
        run(p, heading.printed() + "　", false, 9);
        run(p, PrintHeading.INTERNAL, true, 9);
    }

    /** 第 N 页 共 M 页, centred: fields, so that Word counts the pages as they fall after editing. */
    private void pageFooter() {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "第 ", false, 9);
        field(p, "PAGE");
        run(p, " 页　共 ", false, 9);
        field(p, "NUMPAGES");
        run(p, " 页", false, 9);
    }

    private static void field(XWPFParagraph p, String instruction) {
        var fld = p.getCTP().addNewFldSimple();
        fld.setInstr(instruction);
        fld.addNewR().addNewT().setStringValue("1");
    }

    public void title(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(120);
        XWPFRun r = run(p, text, true, 16);
        r.setFontFamily(HEAD_FONT, XWPFRun.FontCharRange.eastAsia);
    }

    public void heading(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingBefore(200);
        p.setSpacingAfter(80);
        p.setKeepNext(true);
        XWPFRun r = run(p, text, true, 12);
        r.setFontFamily(HEAD_FONT, XWPFRun.FontCharRange.eastAsia);
    }

    public void paragraph(Rich text) {
        for (List<Rich.Segment> line : text.paragraphs()) {
            XWPFParagraph p = doc.createParagraph();
            p.setSpacingAfter(60);
            write(p, line, BODY_SIZE + 1);
        }
    }

    /**
     * A table across the page: {@code weights} share out the width between the columns; the heading
     * row is bold, shaded and repeated at the top of every page.
     */
    public Table table(int[] weights, String... headers) {
        if (weights.length != headers.length) {
            throw new IllegalArgumentException(weights.length + " widths for " + headers.length + " columns");
        }
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int[] widths = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = TEXT_WIDTH * weights[i] / total;
        }
        XWPFTable t = doc.createTable(1, headers.length);
        CTTblPr pr = t.getCTTbl().getTblPr() == null ? t.getCTTbl().addNewTblPr() : t.getCTTbl().getTblPr();
        CTTblWidth tw = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        tw.setType(STTblWidth.DXA);
        tw.setW(BigInteger.valueOf(TEXT_WIDTH));
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        CTTblGrid grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        Table table = new Table(t, widths);
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        for (int c = 0; c < headers.length; c++) {
            table.fill(head.getCell(c), c, Rich.bold(headers[c]), "D9D9D9");
        }
        return table;
    }

    /** One table of the document, filled row by row. */
    public final class Table {
        private final XWPFTable table;
        private final int[] widths;

        private Table(XWPFTable table, int[] widths) {
            this.table = table;
            this.widths = widths;
        }

        /** A row of as many cells as there are columns; a null cell stays empty. */
        public Table row(Rich... cells) {
            if (cells.length != widths.length) {
                throw new IllegalArgumentException(cells.length + " cells for " + widths.length + " columns");
            }
            XWPFTableRow row = table.createRow();
            row.setCantSplitRow(true);
            for (int c = 0; c < cells.length; c++) {
                fill(row.getCell(c), c, cells[c] == null ? Rich.of("") : cells[c], null);
            }
            return this;
        }

        /** A row of one cell across the whole table (an aspect's heading in 对比), shaded when asked. */
        public Table band(Rich text, String shade) {
            XWPFTableRow row = table.createRow();
            row.setCantSplitRow(true);
            while (row.getTableCells().size() > 1) {
                row.removeCell(row.getTableCells().size() - 1);
            }
            XWPFTableCell cell = row.getCell(0);
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            pr.addNewGridSpan().setVal(BigInteger.valueOf(widths.length));
            fill(cell, -1, text, shade);
            return this;
        }

        private void fill(XWPFTableCell cell, int column, Rich text, String shade) {
            CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(column < 0 ? TEXT_WIDTH : widths[column]));
            if (shade != null) {
                cell.setColor(shade);
            }
            List<List<Rich.Segment>> lines = text.paragraphs();
            for (int i = 0; i < lines.size(); i++) {
                XWPFParagraph p = i == 0 ? cell.getParagraphs().get(0) : cell.addParagraph();
                write(p, lines.get(i), BODY_SIZE);
            }
        }
    }

    private static void write(XWPFParagraph p, List<Rich.Segment> segments, int size) {
        for (Rich.Segment s : segments) {
            XWPFRun r = run(p, s.text(), s.bold(), size);
            if (s.marked()) {
                r.setTextHighlightColor("yellow");
            }
            if (s.color() != null) {
                r.setColor(s.color());
            }
        }
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, int size) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily(BODY_FONT, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        return r;
    }

    public byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Text for a cell or a paragraph: runs of plain, bold, coloured or highlighted text, in one or
     * more paragraphs. {@link #marked} highlights the shared runs inside a passage, as the pages'
     * yellow marks do.
     */
    public static final class Rich {
        /** One run of text. */
        public record Segment(String text, boolean bold, boolean marked, String color) {
        }

        private final List<List<Segment>> paragraphs = new ArrayList<>();

        private Rich() {
            paragraphs.add(new ArrayList<>());
        }

        public static Rich of(String text) {
            return new Rich().text(text);
        }

        public static Rich bold(String text) {
            return new Rich().strong(text);
        }

        public Rich text(String s) {
            return add(new Segment(s, false, false, null));
        }

        public Rich strong(String s) {
            return add(new Segment(s, true, false, null));
        }

        /** Bold in a colour (hex RRGGBB): a status, a repeat's badge. */
        public Rich colored(String s, String hex) {
            return add(new Segment(s, true, false, hex));
        }

        /** The passage with every occurrence of the runs highlighted (the longest first where they overlap). */
        public Rich marked(String text, List<String> runs) {
            if (text == null) {
                return this;
            }
            boolean[] mark = new boolean[text.length()];
            for (String run : runs == null ? List.<String>of() : runs) {
                if (run == null || run.isEmpty()) {
                    continue;
                }
                for (int i = text.indexOf(run); i >= 0; i = text.indexOf(run, i + 1)) {
                    for (int k = i; k < i + run.length(); k++) {
                        mark[k] = true;
                    }
                }
            }
            int start = 0;
            for (int i = 1; i <= text.length(); i++) {
                if (i == text.length() || mark[i] != mark[start]) {
                    add(new Segment(text.substring(start, i), false, mark[start], null));
                    start = i;
                }
            }
            return this;
        }

        /** What follows goes into a new paragraph of the same cell. */
        public Rich newParagraph() {
            paragraphs.add(new ArrayList<>());
            return this;
        }

        private Rich add(Segment s) {
            if (s.text() != null && !s.text().isEmpty()) {
                paragraphs.get(paragraphs.size() - 1).add(s);
            }
            return this;
        }

        List<List<Segment>> paragraphs() {
            return paragraphs;
        }

        /** The plain text, paragraphs joined by newlines (for tests and logs). */
        @Override
        public String toString() {
            return String.join("\n", paragraphs.stream()
                    .map(l -> String.join("", l.stream().map(Segment::text).toList())).toList());
        }
    }
}
