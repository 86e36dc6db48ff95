package cn.reportarchive.export;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * What every exported page carries at its head: whose material (unit and, for a personal report,
 * the author), which years, when it was printed and by whom, and that it is internal material.
 * {@code user} may be null (the command line, an archive without accounts).
 */
public record PrintHeading(String subject, String years, String user, ZonedDateTime printedAt) {
    public static final String INTERNAL = "内部资料·注意保存";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** 临江县财政局 领导班子 (team) or 临江县财政局 周立新. */
    public static String subject(String unit, String author) {
        return (unit == null || unit.isBlank() ? "（未注明单位）" : unit) + (author == null || author.isBlank() ? " 领导班子" : " " + author);
    }

    public String printed() {
        return "打印时间：" + TIME.format(printedAt) + (user == null || user.isBlank() ? "" : "　导出人：" + user);
    }

    /** The left part of a page header: subject and years. */
    public String what() {
        return subject + (years == null || years.isBlank() ? "" : "　" + years);
    }

    /** The whole heading on one line. */
    public String line() {
        return what() + "　" + printed() + "　" + INTERNAL;
    }
}
