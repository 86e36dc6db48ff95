package cn.reportarchive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import cn.reportarchive.auth.AuditCsv;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Export tables written as the files users open in Excel or WPS: .xlsx (one sheet per table) and .csv. */
final class Spreadsheets {
    /** Widest column, in characters: longer text wraps inside the cell. */
    private static final int MAX_WIDTH = 60;

    private Spreadsheets() {
    }

    /**
     * UTF-8 with a byte order mark: without it Excel reads the Chinese as the local code page. A
     * text cell that a spreadsheet would run as a formula (a unit named =HYPERLINK(…) or +cmd|…)
     * gets the audit CSV's apostrophe; numbers stay numbers. The .xlsx needs none: its text cells
     * are strings, which Excel never evaluates.
     */
    static byte[] csv(ExportTable table) {
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
        return v == null || v instanceof Number ? v : AuditCsv.safe(v.toString());
    }

    static byte[] xlsx(List<ExportTable> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            CellStyle text = book.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
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
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
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
                sheet.createFreezePane(0, 1);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
