package cn.reportarchive.parse;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the header lines (unit, title, post and name) that stand above the preface. Who writes
 * is read by {@link AuthorLine}, on either side of the title; the year by {@link YearFinder}.
 * A line above the title is the unit unless it is a post (区委常委、区委宣传部长) or an author line.
 */
final class HeaderParser {
    private static final Pattern MEETING = Pattern.compile(
            "专题民主生活会|民主生活会|专题组织生活会|组织生活会");
    private static final Pattern UNIT_IN_TITLE = Pattern.compile(
            "^(.{2,40}?)(?:(?:19|20)[\\dXxＸｘ×*＊]{2}|[〇○零一二三四五六七八九]{4})");
    private static final Pattern TEAM_SUFFIX = Pattern.compile("(?:领导)?班子(?:成员)?$");
    private static final Pattern UNIT_LABEL = Pattern.compile("^(?:单位|部门|所在单位)\\s*[:：]\\s*(.+)$");
    private static final Pattern POST_LABEL = Pattern.compile("^(?:职务|现任职务)\\s*[:：]\\s*(.+)$");
    /** A title line is longer than other header lines: the unit, the year, the meeting and the material. */
    private static final int MAX_TITLE_LINE = 90;
    private static final int MAX_HEADER_LINE = 60;

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
        int max = isTitle(line) ? MAX_TITLE_LINE : MAX_HEADER_LINE;
        if (line.length() > max || Markers.SECTION.matcher(line).find() || Markers.BLOCK.matcher(line).find()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return "。；;：:！!？?，,".indexOf(last) < 0;
    }

    /** The header, its kind decided with the voice of {@code voiceText} (the preface and body opening). */
    static Header parse(List<String> headerLines, String voiceText) {
        int titleAt = titleIndex(headerLines);
        String title = titleAt >= 0 ? headerLines.get(titleAt) : null;
        String unit = null;
        String author = null;
        String post = null;
        boolean guessed = false;
        for (int i = 0; i < headerLines.size(); i++) {
            String line = headerLines.get(i);
            if (i == titleAt) {
                continue;
            }
            Matcher unitLabel = UNIT_LABEL.matcher(line);
            Matcher postLabel = POST_LABEL.matcher(line);
            AuthorLine who = titleAt >= 0 && i > titleAt ? AuthorLine.readBelowTitle(line) : AuthorLine.read(line);
            if (unitLabel.matches()) {
                unit = unit == null ? unitLabel.group(1).strip() : unit;
            } else if (postLabel.matches()) {
                post = post == null ? postLabel.group(1).strip() : post;
            } else if (who != null && (!who.bareName() || (titleAt >= 0 && i > titleAt))) {
                if (author == null && who.name() != null) {
                    author = who.name();
                    guessed |= who.bareName() && i > titleAt + 1;
                }
                post = post == null ? who.post() : post;
                unit = unit == null ? who.unit() : unit;
            } else if (unit == null && i < titleAt) {
                unit = line;
                guessed |= !AuthorLine.UNIT_WORD.matcher(line).find();
            }
        }
        String unitLine = unit;
        String before = title == null ? null : beforeYear(title);
        if (title != null) {
            boolean team = before != null && TEAM_SUFFIX.matcher(before).find();
            if (unit == null && author == null && before != null && !team) {
                AuthorLine inTitle = AuthorLine.read(before);
                if (inTitle != null && inTitle.name() != null && !inTitle.bareName()) {
                    author = inTitle.name();
                    post = post == null ? inTitle.post() : post;
                } else if (inTitle == null) {
                    unit = unitInTitle(before);
                }
            } else if (unit == null && author == null && team) {
                // 中共柏川县委常委班子2018年度…: a team's name, though 常委 also ends a post
                unit = unitInTitle(before);
            }
        }
        boolean placeholder = title != null && YearFinder.placeholder(title);
        Integer year = title != null && !placeholder ? YearFinder.year(title) : null;
        for (int i = 0; year == null && !placeholder && i < headerLines.size(); i++) {
            year = YearFinder.year(headerLines.get(i));
            placeholder = year == null && YearFinder.placeholder(headerLines.get(i));
        }
        String meeting = null;
        if (title != null) {
            Matcher m = MEETING.matcher(title);
            meeting = m.find() ? m.group() : null;
        }
        ReportKind kind = KindDecider.decide(title, before, unitLine, author != null, voiceText);
        // the unit as written (中共临江县财政局党组): the archive's unit directory resolves it, and records the name
        String written = Strings.blankToNull(unit);
        return new Header(title, year, written, author, post, kind, meeting, placeholder, guessed);
    }

    static boolean isTitle(String line) {
        return line != null && TitleLines.TITLE.matcher(line).find();
    }

    private static int titleIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (isTitle(lines.get(i))) {
                return i;
            }
        }
        return lines.isEmpty() ? -1 : 0;
    }

    /** The part of the title before its year: the unit or the person who writes, or null. */
    private static String beforeYear(String title) {
        Matcher m = UNIT_IN_TITLE.matcher(title);
        return m.find() ? m.group(1).strip() : null;
    }

    /** 中共云溪镇委员会领导班子2024年度… names its unit before the year. */
    private static String unitInTitle(String before) {
        String prefix = TEAM_SUFFIX.matcher(before).replaceFirst("");
        if (prefix.length() < 2 || prefix.startsWith("领导干部") || prefix.contains("关于")
                || (AuthorLine.isPost(prefix) && !TEAM_SUFFIX.matcher(before).find())) {
            return null;
        }
        return prefix;
    }
}
