package cn.reportarchive.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header lines (unit, title, post and name) that stand above the preface.
 * Spaces between post and name do not survive every format, so the name is found after
 * the last word that ends a post (书记, 局长, 主任…).
 */
final class HeaderParser {
    private static final Pattern TITLE = Pattern.compile(
            "对照检查|检视剖析|剖析材料|检查材料|发言提纲|发言材料|对照材料|民主生活会|组织生活会");
    private static final Pattern YEAR_DIGITS = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern YEAR_BARE = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern YEAR_CHINESE = Pattern.compile("([〇○零一二三四五六七八九]{4})年");
    private static final Pattern MEETING = Pattern.compile(
            "专题民主生活会|民主生活会|专题组织生活会|组织生活会");
    private static final String POST_ENDS = "书记|局长|主任|部长|县长|区长|市长|州长|镇长|乡长|主席|组长|委员|"
            + "院长|校长|所长|经理|董事长|秘书长|检察长|处长|科长|厅长|队长|站长|行长|社长|总监|负责人|成员|常委|干部|主管|馆长|会长";
    private static final Pattern AUTHOR_LINE = Pattern.compile(
            "^(.*(?:" + POST_ENDS + "))\\s*([\\p{IsHan}·]{2,4})$");
    private static final Pattern NAMED = Pattern.compile(
            "^(?:汇报人|发言人|报告人|检查人|姓名|作者)[:：]?\\s*([\\p{IsHan}·]{2,4})$");
    private static final Pattern NAME_ONLY = Pattern.compile("^[\\p{IsHan}·]{2,4}$");
    private static final Pattern UNIT_IN_TITLE = Pattern.compile("^(.{2,40}?)(?:(?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})");
    private static final Pattern TEAM_SUFFIX = Pattern.compile("(?:领导)?班子(?:成员)?$");

    private HeaderParser() {
    }

    /** How many of the first lines are header: short lines that end no sentence. */
    static int headerLength(List<String> lines) {
        int n = 0;
        while (n < lines.size() && n < 6 && isHeaderLine(lines.get(n))) {
            n++;
        }
        return n;
    }

    private static boolean isHeaderLine(String line) {
        if (line.length() > 60 || Markers.SECTION.matcher(line).find() || Markers.BLOCK.matcher(line).find()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return "。；;：:！!？?，,".indexOf(last) < 0;
    }

    static Header parse(List<String> headerLines) {
        int titleAt = titleIndex(headerLines);
        String title = titleAt >= 0 ? headerLines.get(titleAt) : null;
        String unit = null;
        String author = null;
        String post = null;
        for (int i = 0; i < headerLines.size(); i++) {
            String line = headerLines.get(i);
            if (i == titleAt) {
                continue;
            }
            Matcher a = AUTHOR_LINE.matcher(line);
            Matcher named = NAMED.matcher(line);
            if (author == null && a.matches() && i > titleAt) {
                post = a.group(1).strip();
                author = a.group(2);
            } else if (author == null && named.matches()) {
                author = named.group(1);
            } else if (author == null && i > titleAt && titleAt >= 0 && NAME_ONLY.matcher(line).matches()) {
                author = line;
            } else if (unit == null && i < titleAt) {
                unit = line;
            }
        }
        if (unit == null && title != null) {
            unit = unitInTitle(title);
        }
        Integer year = title != null ? year(title) : null;
        for (int i = 0; year == null && i < headerLines.size(); i++) {
            year = year(headerLines.get(i));
        }
        String meeting = null;
        if (title != null) {
            Matcher m = MEETING.matcher(title);
            meeting = m.find() ? m.group() : null;
        }
        // the unit as written (中共临江县财政局党组): the archive's unit directory resolves it, and records the name
        String written = unit == null || unit.isBlank() ? null : unit.strip();
        return new Header(title, year, written, author, post, kind(title, unit, author), meeting);
    }

    static boolean isTitle(String line) {
        return line != null && TITLE.matcher(line).find();
    }

    private static int titleIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (TITLE.matcher(lines.get(i)).find()) {
                return i;
            }
        }
        return lines.isEmpty() ? -1 : 0;
    }

    static Integer year(String text) {
        Matcher m = YEAR_DIGITS.matcher(text);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = YEAR_CHINESE.matcher(text);
        if (m.find()) {
            return ChineseNumerals.parseYear(m.group(1));
        }
        m = YEAR_BARE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : null;
    }

    /** 中共云溪镇委员会领导班子2024年度… names its unit before the year. */
    private static String unitInTitle(String title) {
        Matcher m = UNIT_IN_TITLE.matcher(title);
        if (!m.find()) {
            return null;
        }
        String prefix = TEAM_SUFFIX.matcher(m.group(1).strip()).replaceFirst("");
        if (prefix.length() < 2 || prefix.startsWith("领导干部") || prefix.contains("关于")) {
            return null;
        }
        return prefix;
    }

    private static ReportKind kind(String title, String unit, String author) {
        String t = title == null ? "" : title;
        if (author != null || t.contains("个人")) {
            return ReportKind.PERSONAL;
        }
        if (t.contains("班子") || (unit != null && unit.contains("班子"))) {
            return ReportKind.TEAM;
        }
        return ReportKind.UNKNOWN;
    }
}
