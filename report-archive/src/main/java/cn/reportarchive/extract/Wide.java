package cn.reportarchive.extract;

/** Which characters count as Chinese for spacing and line width. */
public final class Wide {
    private Wide() {
    }

    /** A Han character, CJK or full-width punctuation, or a curly quote. */
    public static boolean isWide(int c) {
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
            return true;
        }
        return (c >= 0x3000 && c <= 0x303F) // CJK symbols and punctuation
                || (c >= 0xFF00 && c <= 0xFFEF) // full-width forms
                || (c >= 0x2018 && c <= 0x201F) // curly quotes
                || c == 0x2026 || c == 0x2014 || c == 0x00B7 || c == 0x2022; // … — · •
    }

    /** Display width: two for wide characters, one for the rest. */
    public static int width(String line) {
        return line.codePoints().map(c -> isWide(c) ? 2 : 1).sum();
    }
}
