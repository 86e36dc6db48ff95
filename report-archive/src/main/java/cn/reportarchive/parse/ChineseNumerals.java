package cn.reportarchive.parse;

/** Chinese numerals as they number sections and points (一 … 九十九) and write years (二〇二三). */
public final class ChineseNumerals {
    private static final String DIGITS = "〇一二三四五六七八九";

    private ChineseNumerals() {
    }

    /** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23; -1 when the text is not such a numeral. */
    public static int parse(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int ten = text.indexOf('十');
        if (ten < 0) {
            return text.length() == 1 ? digit(text.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : digit(text.charAt(0));
        int units = ten == text.length() - 1 ? 0 : digit(text.charAt(ten + 1));
        if (tens <= 0 || units < 0 || (ten > 1) || text.length() - ten > 2) {
            return -1;
        }
        return tens * 10 + units;
    }

    /** 1 → 一, 12 → 十二, 23 → 二十三, 105 → 一百零五, 110 → 一百一十 (0 to 999; beyond, digits). */
    public static String format(int n) {
        if (n < 0 || n >= 1000) {
            return String.valueOf(n);
        }
        if (n >= 100) {
            int rest = n % 100;
            String hundreds = DIGITS.charAt(n / 100) + "百";
            if (rest == 0) {
                return hundreds;
            }
            // inside a larger number ten is 一十 (一百一十), and a missing tens digit is read 零 (一百零五)
            return hundreds + (rest < 10 ? "零" + DIGITS.charAt(rest) : (rest < 20 ? "一" : "") + format(rest));
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        String tens = n / 10 == 1 ? "" : String.valueOf(DIGITS.charAt(n / 10));
        String units = n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt(n % 10));
        return tens + "十" + units;
    }

    /** A year written digit by digit: 二〇二三 → 2023 (also with 零 or ○ for zero); -1 otherwise. */
    public static int parseYear(String text) {
        if (text.length() != 4) {
            return -1;
        }
        int year = 0;
        for (char c : text.toCharArray()) {
            int d = c == '零' || c == '○' || c == 'О' ? 0 : digit(c);
            if (d < 0) {
                return -1;
            }
            year = year * 10 + d;
        }
        return year;
    }

    private static int digit(char c) {
        return DIGITS.indexOf(c);
    }
}
