package cn.reportarchive.auth;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Audit entries as CSV for a spreadsheet (Apache Commons CSV, already used for metadata.csv):
 * UTF-8 with a byte-order mark so that Excel reads the Chinese right, local time, one row per
 * entry. A cell that a spreadsheet would take for a formula (= + - @ or a tab at its start: a
 * search typed by a user can be anything) is prefixed with an apostrophe, as OWASP advises.
 */
public final class AuditCsv implements AutoCloseable {
    public static final String[] HEADER = {"编号", "时间", "用户", "地址", "操作", "操作代码", "对象", "详情"};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final CSVPrinter printer;
    private final ZoneId zone;

    public AuditCsv(Writer out, ZoneId zone) throws IOException {
        this.zone = zone;
        out.write('\uFEFF');
        this.printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(HEADER).get());
    }

    public void write(AuditEntry e) throws IOException {
        printer.printRecord(e.id(), TIME.format(e.at().atZone(zone)), safe(e.user()), safe(e.address()),
                e.actionLabel(), e.action(), safe(e.target()), safe(detail(e)));
    }

    private String detail(AuditEntry e) throws IOException {
        return AuditDetails.describe(e.detail()); // in Chinese, as the page shows it: not raw JSON
    }

    /**
     * The text as a spreadsheet should show it, never as a formula: the one rule for every CSV the
     * archive writes (the exports of export/Spreadsheets call it too).
     */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
