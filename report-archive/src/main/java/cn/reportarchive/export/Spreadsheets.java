package cn.reportarchive.export;

import cn.reportarchive.auth.AuditCsv;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Export tables written as the files users open in Excel or WPS: .xlsx (one sheet per table) and
 * .csv. Every sheet is ready to print: A4 landscape, fitted to the page's width, the heading row
 * frozen, filtered and repeated on every printed page, and the page header saying whose material,
 * when it was printed and that it is internal material.
 */
public final class Spreadsheets {
    /** Widest column, in characters: longer text wraps inside the cell. */
    private static final int MAX_WIDTH = 60;

    private Spreadsheets() {
    }

    /**
     * UTF-8 with a byte order mark: without it Excel reads the Chinese as the local code page. A
     * text cell that a spreadsheet would run as a formula (a unit named =HYPERLINK(…) or +cmd|…)
     * gets the audit CSV's apostrophe; numbers stay numbers, shares are written 52%. The .xlsx needs
     * none: its text cells are strings, which Excel never evaluates.
     */
    public static byte[] csv(ExportTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL)) {
            w.write('\uFEFF');
            csv.printRecord(table.headers());
            for (List<Object> row : table.rows()) {
                csv.printRecord(row.stream().map(Spreadsheets::csvCell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object csvCell(Object v) {
        if (v instanceof Percent p) {
            return p.text();
        }
        return v == null || v instanceof Number ? v : AuditCsv.safe(v.toString());
    }

    /** Without a page header (no heading known). */
    public static byte[] xlsx(List<ExportTable> tables) {
        return xlsx(tables, null);
    }

    public static byte[] xlsx(List<ExportTable> tables, PrintHeading heading) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            head.setWrapText(true);
            head.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle text = book.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle number = book.createCellStyle();
            number.setVerticalAlignment(VerticalAlignment.TOP);
            CellStyle percent = book.createCellStyle();
            percent.setVerticalAlignment(VerticalAlignment.TOP);
            percent.setDataFormat(book.createDataFormat().getFormat("0%"));
            for (ExportTable table : tables) {
                XSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
                int[] widths = new int[table.headers().size()];
                Row header = sheet.createRow(0);
                for (int c = 0; c < widths.length; c++) {
                    XSSFCell cell = (XSSFCell) header.createCell(c);
                    cell.setCellValue(table.headers().get(c));
                    cell.setCellStyle(head);
                    widths[c] = width(table.headers().get(c));
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        XSSFCell cell = (XSSFCell) row.createCell(c);
                        if (v instanceof Percent p) {
                            cell.setCellValue(p.bounded());
                            cell.setCellStyle(percent);
                        } else if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                            cell.setCellStyle(number);
                        } else {
                            cell.setCellValue(v.toString());
                            cell.setCellStyle(text);
                        }
                        widths[c] = Math.max(widths[c], width(v.toString()));
                    }
                }
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH) + 2) * 256);
                }
                pageSetUp(book, sheet, table, Math.max(0, r - 1), heading);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frozen, filtered heading row repeated on every sheet of paper; A4 landscape one page wide. */
    private static void pageSetUp(XSSFWorkbook book, XSSFSheet sheet, ExportTable table, int lastRow, PrintHeading heading) {
        int columns = table.headers().size();
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, lastRow, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0); // as many pages down as it takes
        sheet.setFitToPage(true);
        sheet.setHorizontallyCenter(true);
        if (table.printed() < columns) {
            book.setPrintArea(book.getSheetIndex(sheet), 0, table.printed() - 1, 0, lastRow);
        }
        if (heading != null) {
            sheet.getHeader().setLeft(escape(heading.what()));
            sheet.getHeader().setRight(escape(heading.printed() + "　" + PrintHeading.INTERNAL));
        }
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
    }

    /** An ampersand starts a code in Excel's header text (&P the page): a unit's own is doubled. */
    private static String escape(String s) {
        return s.replace("&", "&&");
    }

    /** Width in Excel's character units: a Chinese character takes two. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return w;
    }
}
