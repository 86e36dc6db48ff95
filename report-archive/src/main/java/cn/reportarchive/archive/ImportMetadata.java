package cn.reportarchive.archive;

import static cn.reportarchive.parse.Strings.blankToNull;

import java.util.regex.Pattern;

/** What the user says of a file on import (null: not said); it wins over what the text says. */
public record ImportMetadata(String unit, Integer year, String author) {
    /** Longer than any unit or person's name: more is a paste gone wrong, or an attack. */
    public static final int MAX_UNIT = 100;
    public static final int MAX_AUTHOR = 50;
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    public static final ImportMetadata NONE = new ImportMetadata(null, null, null);

    public ImportMetadata {
        unit = blankToNull(unit);
        author = blankToNull(author);
    }

    /** Years a report can be of; anything else is a typing mistake. */
    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2100;

    /** Why a given year cannot be right, or null when it can. */
    public static String yearProblem(Integer year) {
        if (year == null || (year >= FIRST_YEAR && year <= LAST_YEAR)) {
            return null;
        }
        return "年度“" + year + "”不是有效的年份（应为 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间的四位数字）。";
    }

    /** Why this cannot be stored as given (one sentence), or null when it can. */
    public String problem() {
        String problem = yearProblem(year);
        if (problem == null) {
            problem = textProblem("单位", unit, MAX_UNIT);
        }
        return problem != null ? problem : textProblem("作者", author, MAX_AUTHOR);
    }

    /** Why this text cannot be a field's value (too long, control characters), or null. */
    static String textProblem(String label, String value, int max) {
        if (value == null) {
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            return label + "过长（" + length + " 个字符，最多 " + max + " 个），请检查后重试。";
        }
        if (INVISIBLE.matcher(value).find()) {
            return label + "中含有换行、制表符或其他控制字符，请删除后重试。";
        }
        return null;
    }

    /** This metadata with every field that {@code explicit} sets taken from it. */
    public ImportMetadata overriddenBy(ImportMetadata explicit) {
        return new ImportMetadata(explicit.unit != null ? explicit.unit : unit,
                explicit.year != null ? explicit.year : year,
                explicit.author != null ? explicit.author : author);
    }
}
