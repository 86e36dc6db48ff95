package cn.reportarchive.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rebuilds the paragraphs of text that was broken into lines at the page width (PDF exported
 * from Word). A line is joined to the next when it runs to (nearly) the full width and does not
 * end a sentence, and the next line does not open a heading or a numbered point.
 */
final class LineReflow {
    /** A line this close to the full width was broken by the layout, not by the author. */
    private static final double FULL_LINE = 0.8;
    // 一是 is not here: a real inline point follows a full stop or colon, which ends the line
    // before anyway, while a wrap inside 统一是 puts 一是 at the head of a line.
    // A digit and a dot open a point only when no digit follows (3.5亿元 is a wrapped number).
    private static final Pattern OPENS_STRUCTURE = Pattern.compile(
            "^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+(?:[.．](?!\\d)|、)|"
                    + "第[一二三四五六七八九十]+[，、是]|[①-⑳])");

    String reflow(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        int fullWidth = fullWidth(lines);
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder(lines.get(0));
        String previous = lines.get(0);
        for (String line : lines.subList(1, lines.size())) {
            if (continues(previous, line, fullWidth)) {
                join(current, line);
            } else {
                paragraphs.add(current.toString());
                current = new StringBuilder(line);
            }
            previous = line;
        }
        paragraphs.add(current.toString());
        return String.join("\n", paragraphs);
    }

    private static boolean continues(String line, String next, int fullWidth) {
        return Wide.width(line) >= FULL_LINE * fullWidth
                && !endsSentence(line)
                && !OPENS_STRUCTURE.matcher(next).find();
    }

    static boolean endsSentence(String line) {
        int last = line.codePointBefore(line.length());
        if ("。！？；：!?;:".indexOf(last) >= 0) {
            return true;
        }
        if ("”’」』）)".indexOf(last) >= 0 && line.length() >= 2) {
            int beforeQuote = line.codePointBefore(line.length() - 1);
            return "。！？!?".indexOf(beforeQuote) >= 0;
        }
        return false;
    }

    private static void join(StringBuilder paragraph, String next) {
        int last = paragraph.codePointBefore(paragraph.length());
        int first = next.codePointAt(0);
        if (!Wide.isWide(last) && !Wide.isWide(first)) {
            paragraph.append(' ');
        }
        paragraph.append(next);
    }

    /** The width of a full line: a high percentile, so that a few overlong lines do not set it. */
    private static int fullWidth(List<String> lines) {
        int[] widths = lines.stream().mapToInt(Wide::width).sorted().toArray();
        return widths[Math.min(widths.length - 1, (int) Math.floor(widths.length * 0.9))];
    }
}
