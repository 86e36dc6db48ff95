package cn.reportarchive.generate;

/** How the points of a block are numbered: on their own lines (1. 1、 （1） ①) or inline (一是). */
public enum ItemStyle {
    DOT, DUN, PAREN, CIRCLED, INLINE;

    private static final String CN = "一二三四五六七八九十";

    public String marker(int n) {
        return switch (this) {
            case DOT -> n + ".";
            case DUN -> n + "、";
            case PAREN -> "（" + n + "）";
            case CIRCLED -> String.valueOf((char) ('①' + n - 1));
            case INLINE -> chinese(n) + "是";
        };
    }

    public boolean inline() {
        return this == INLINE;
    }

    static String chinese(int n) {
        if (n <= 10) {
            return String.valueOf(CN.charAt(n - 1));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens > 1 ? String.valueOf(CN.charAt(tens - 1)) : "") + "十" + (ones > 0 ? CN.charAt(ones - 1) : "");
    }

    /** （一） for block n. */
    static String blockMarker(int n, boolean halfWidth) {
        return halfWidth ? "(" + chinese(n) + ")" : "（" + chinese(n) + "）";
    }
}
