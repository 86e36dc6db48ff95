package cn.reportarchive.parse;

import java.util.regex.Pattern;

/**
 * The ways authors enumerate points inside a paragraph. 一是 is the common one and may stand alone
 * (a single 一是 at a paragraph start is a point); the others are taken only as a run of two or
 * more in sequence, because each also occurs in ordinary words: 一要 in 统一要求, 第一 in 第一书记
 * or 第一议题, 其一 in 其一般. 第一 and 其一 count only when punctuation follows them (第一，…),
 * which a title such as 第一书记 never has.
 */
enum InlineForm {
    /** 一是……。二是……。 */
    IS("(" + Markers.CN + ")是", 1),
    /** 一要……；二要……。 */
    MUST("(" + Markers.CN + ")要", 2),
    /** 第一，……。第二，……。 */
    ORDINAL("第(" + Markers.CN + ")(?=[，,、：:])", 2),
    /** 其一，……；其二，……。 */
    ITS("其(" + Markers.CN + ")(?=[，,、：:]|是)", 2),
    /** ……。（一）……。（二）…… inside running text (a section without blocks). */
    PAREN_CN("[（(](" + Markers.CN + ")[）)]", 2),
    /** ……；（1）……；（2）…… typed inside one paragraph. */
    PAREN_ARABIC("[（(](\\d{1,2})[）)]", 2),
    /** ……；①……；②…… inside one paragraph. */
    CIRCLED("([①-⑳])", 2);

    final Pattern pattern;
    /** The shortest run of this form that counts as an enumeration. */
    final int minRun;

    InlineForm(String regex, int minRun) {
        this.pattern = Pattern.compile(regex);
        this.minRun = minRun;
    }

    /** The number a marker's group 1 writes (一, 12, ②), or -1. */
    static int number(String written) {
        char c = written.charAt(0);
        if (c >= '①' && c <= '⑳') {
            return c - '①' + 1;
        }
        if (Character.isDigit(c)) {
            return Integer.parseInt(written);
        }
        return ChineseNumerals.parse(written);
    }
}
