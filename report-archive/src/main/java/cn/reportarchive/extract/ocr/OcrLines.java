package cn.reportarchive.extract.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The misreadings of chi_sim that would break a report's structure, mended on a page's lines before
 * the text goes to the normaliser (which then treats it as a PDF's: spaces between Chinese characters
 * dropped, page numbers removed, lines joined into paragraphs). Seen on the test scans, at the head
 * of a numbered point: the dot read as a comma or colon ("2 :运用…"), or lost ("1有的村干部…"), and
 * the "1" read as 工, 丨 or even 芽 ("工,针对…", "芽.班子成员…"); and the full stop at the end of a line
 * read as "o" or "oo", which would make the line run on into the next point.
 *
 * <p>A digit with a misread dot is always a point: Chinese prose never puts "2," or "2:" before a
 * character at the head of a line. A digit without any dot, or a misread 1, is one only when the
 * numbering after it says so (the next point on the page is one more, or 2 after a misread 1):
 * a wrapped line may well begin "3名班子成员…". Chinese numerals are never taken for a misread 1
 * ("一．存在的问题" is a section heading). Half-width punctuation that was typed so ("(一)",
 * ":") is left as it is: the parser reads it.
 */
final class OcrLines {
    /** A point's number (or what OCR made of a 1), what stands for its dot, and Chinese after it. */
    private static final Pattern MARKER = Pattern.compile("^(\\d{1,2}|[^\\d\\s\\p{Punct}，。：；（）、“”一二三四五六七八九十第])\\s*([.．,，:：·]?)\\s*(?=\\p{IsHan})");
    private static final Pattern STOP_MISREAD = Pattern.compile("(?<=\\p{IsHan})\\s*[oO○]{1,2}$");

    private OcrLines() {
    }

    static List<String> mend(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = STOP_MISREAD.matcher(lines.get(i)).replaceFirst("。");
            Matcher m = MARKER.matcher(line);
            Integer n = m.find() ? number(m, nextNumber(lines, i + 1)) : null;
            if (n != null) {
                line = n + "." + line.substring(m.end());
            }
            out.add(line);
        }
        return out;
    }

    /** The point number this marker stands for, or null when it is no marker. */
    private static Integer number(Matcher m, int next) {
        String head = m.group(1);
        boolean dot = !m.group(2).isEmpty();
        if (Character.isDigit(head.charAt(0))) {
            int n = Integer.parseInt(head);
            return dot || next == n + 1 ? n : null;
        }
        // a single character before a dot where the numbering expects 1
        return dot && head.codePointCount(0, head.length()) == 1 && next == 2 ? 1 : null;
    }

    /** The number of the next line that opens with a digit and a dot, or 0. */
    private static int nextNumber(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            if (m.find() && Character.isDigit(m.group(1).charAt(0)) && !m.group(2).isEmpty()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 0;
    }
}
