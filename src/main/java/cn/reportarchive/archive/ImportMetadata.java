package cn.reportarchive.archive;

/** What the user says of a file on import (null: not said); it wins over what the text says. */
public record ImportMetadata(String unit, Integer year, String author) {
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

    /** This metadata with every field that {@code explicit} sets taken from it. */
    public ImportMetadata overriddenBy(ImportMetadata explicit) {
        return new ImportMetadata(explicit.unit != null ? explicit.unit : unit,
                explicit.year != null ? explicit.year : year,
                explicit.author != null ? explicit.author : author);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
