package cn.reportarchive.extract.ocr;

import java.util.regex.Pattern;

/**
 * The misreadings of chi_sim that would break a report's structure, mended line by line before the
 * text goes to the normaliser (which then treats it as a PDF's: spaces between Chinese characters
 * dropped, page numbers removed, lines joined into paragraphs). Seen on the test scans: the "1" of
 * "1." read as 工 or 丨, a space between a point's number and its dot ("2 .对…"), and the full stop
 * at the end of a line read as "o" or "oo", which would make the line run on into the next point.
 * Half-width punctuation (":" "," "(一)") is left as it is: the parser reads it as typed.
 */
final class OcrLines {
    private static final Pattern ONE_MISREAD = Pattern.compile("^[工丨|Il]\\s*(?=[.．]\\s*\\p{IsHan})");
    private static final Pattern SPACED_POINT = Pattern.compile("^(\\d{1,2})\\s+(?=[.．、]\\s*\\p{IsHan})");
    private static final Pattern STOP_MISREAD = Pattern.compile("(?<=\\p{IsHan})\\s*[oO○]{1,2}$");

    private OcrLines() {
    }

    static String mend(String line) {
        String s = ONE_MISREAD.matcher(line).replaceFirst("1");
        s = SPACED_POINT.matcher(s).replaceFirst("$1");
        return STOP_MISREAD.matcher(s).replaceFirst("。");
    }
}
