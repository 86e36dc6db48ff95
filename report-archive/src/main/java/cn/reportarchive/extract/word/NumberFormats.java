package cn.reportarchive.extract.word;

import java.util.Locale;

/**
 * A list counter's value as Word displays it in one number format, named as OOXML names them
 * ({@code ST_NumberFormat}: chineseCounting, decimalEnclosedCircle…); the .doc and .odt readers map
 * their own codes to these names. A pure function. Formats the archive's reports do not use, and
 * values a format has no glyph for (㉑ does not exist as ①'s successor in Word), fall back to
 * decimal digits, as Word does.
 */
public final class NumberFormats {
    private static final String DIGITS = "〇一二三四五六七八九";
    /** chineseCounting writes zero inside numbers over a hundred as ○ (U+25CB), as Word does. */
    private static final String COUNTING_DIGITS = "○一二三四五六七八九";
    private static final String LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
    private static final String EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

    private NumberFormats() {
    }

    /** The label of value {@code n} in format {@code format}; an unknown format is decimal. */
    public static String render(String format, int n) {
        if (format == null) {
            return Integer.toString(n);
        }
        return switch (format) {
            case "none", "bullet" -> "";
            case "decimalZero" -> n >= 0 && n < 10 ? "0" + n : Integer.toString(n);
            case "upperRoman" -> n > 0 && n < 4000 ? roman(n) : Integer.toString(n);
            case "lowerRoman" -> n > 0 && n < 4000 ? roman(n).toLowerCase(Locale.ROOT) : Integer.toString(n);
            case "upperLetter" -> n > 0 ? letters(n) : Integer.toString(n);
            case "lowerLetter" -> n > 0 ? letters(n).toLowerCase(Locale.ROOT) : Integer.toString(n);
            case "ordinal" -> n + ordinalSuffix(n);
            case "chineseCounting", "japaneseCounting", "taiwaneseCounting" -> counting(n);
            case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand" ->
                    countingThousand(n);
            case "chineseLegalSimplified" -> legal(n);
            case "ideographDigital", "taiwaneseDigital" -> digitByDigit(n);
            case "ideographTraditional" -> cycle(HEAVENLY_STEMS, n);
            case "ideographZodiac" -> cycle(EARTHLY_BRANCHES, n);
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" -> enclosed(n, '①', 20);
            case "decimalEnclosedParen" -> enclosed(n, '⑴', 20);
            case "decimalEnclosedFullstop" -> enclosed(n, '⒈', 20);
            case "ideographEnclosedCircle" -> enclosed(n, '㈠', 10);
            case "decimalFullWidth", "decimalFullWidth2" -> fullWidth(n);
            default -> Integer.toString(n);
        };
    }

    /** 1…99 as 一…九十九, over that digit by digit with ○ (一○一), as Word's chineseCounting does. */
    static String counting(int n) {
        if (n <= 0) {
            return Integer.toString(n);
        }
        if (n < 100) {
            return tens(n, COUNTING_DIGITS);
        }
        if (n > 9999) {
            return Integer.toString(n);
        }
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(COUNTING_DIGITS.charAt(c - '0'));
        }
        return s.toString();
    }

    /** Numerals as written in words: 十一, 一百〇一, 一千二百. */
    static String countingThousand(int n) {
        if (n <= 0 || n > 9999) {
            return Integer.toString(n);
        }
        if (n < 100) {
            return tens(n, DIGITS);
        }
        int thousands = n / 1000;
        int hundreds = n / 100 % 10;
        int rest = n % 100;
        StringBuilder s = new StringBuilder();
        if (thousands > 0) {
            s.append(DIGITS.charAt(thousands)).append('千');
        }
        if (hundreds > 0) {
            s.append(DIGITS.charAt(hundreds)).append('百');
        } else if (thousands > 0 && rest > 0) {
            s.append('〇');
        }
        if (rest > 0) {
            if (rest < 10 && hundreds > 0) {
                s.append('〇');
            }
            // 一百一十: after a hundred the ten keeps its one
            s.append(rest >= 10 && rest < 20 ? "一" + tens(rest, DIGITS) : tens(rest, DIGITS));
        }
        return s.toString();
    }

    /** 一 … 九十九: ten is 十, not 一十. */
    private static String tens(int n, String digits) {
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        String tens = n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10));
        String units = n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10));
        return tens + "十" + units;
    }

    /** 壹 … 玖拾玖, the capital numerals of contracts. */
    private static String legal(int n) {
        if (n <= 0 || n > 99) {
            return Integer.toString(n);
        }
        if (n < 10) {
            return String.valueOf(LEGAL_DIGITS.charAt(n));
        }
        String tens = String.valueOf(LEGAL_DIGITS.charAt(n / 10));
        String units = n % 10 == 0 ? "" : String.valueOf(LEGAL_DIGITS.charAt(n % 10));
        return tens + "拾" + units;
    }

    private static String digitByDigit(int n) {
        if (n < 0) {
            return Integer.toString(n);
        }
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(DIGITS.charAt(c - '0'));
        }
        return s.toString();
    }

    /** 甲乙丙… and 子丑寅…: Word shows the decimal value past the end of the series. */
    private static String cycle(String series, int n) {
        return n >= 1 && n <= series.length() ? String.valueOf(series.charAt(n - 1)) : Integer.toString(n);
    }

    /** ①…⑳, ⑴…⒇, ⒈…⒛, ㈠…㈩: consecutive code points, decimal past the last. */
    private static String enclosed(int n, char first, int count) {
        return n >= 1 && n <= count ? String.valueOf((char) (first + n - 1)) : Integer.toString(n);
    }

    private static String fullWidth(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append(c == '-' ? '－' : (char) ('０' + (c - '0')));
        }
        return s.toString();
    }

    private static String roman(int n) {
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] glyphs = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            for (; n >= values[i]; n -= values[i]) {
                s.append(glyphs[i]);
            }
        }
        return s.toString();
    }

    /** A…Z, then AA…ZZ, AAA…: Word repeats the letter rather than counting in base 26. */
    private static String letters(int n) {
        char letter = (char) ('A' + (n - 1) % 26);
        return String.valueOf(letter).repeat((n - 1) / 26 + 1);
    }

    private static String ordinalSuffix(int n) {
        int lastTwo = Math.abs(n) % 100;
        if (lastTwo >= 11 && lastTwo <= 13) {
            return "th";
        }
        return switch (Math.abs(n) % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
