package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The inline form: 一是……。二是……。三是…… inside paragraphs. A marker counts only where a point
 * can start (a paragraph start, or after 。；：！？) and only in sequence, so that 统一是 or 唯一是
 * inside a word is never taken for one. 一是 again at a paragraph start or after a colon-ended
 * lead-in starts a new run; points are numbered through the block.
 */
final class InlineEnumeration {
    private static final String BOUNDARY = "。；;：:！!？?";

    private InlineEnumeration() {
    }

    static ItemSplitter.Body split(List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        List<Integer> paragraphStarts = new ArrayList<>();
        for (String paragraph : paragraphs) {
            paragraphStarts.add(text.length());
            text.append(paragraph);
        }
        List<Integer> starts = markerPositions(text, new HashSet<>(paragraphStarts));
        if (starts.isEmpty()) {
            return new ItemSplitter.Body(text.toString().strip(), List.of());
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            items.add(new Item(i + 1, text.substring(starts.get(i), end).strip()));
        }
        return new ItemSplitter.Body(text.substring(0, starts.get(0)).strip(), items);
    }

    private static List<Integer> markerPositions(CharSequence text, Set<Integer> paragraphStarts) {
        List<Integer> positions = new ArrayList<>();
        int expected = 1;
        Matcher m = Markers.INLINE.matcher(text);
        while (m.find()) {
            int at = m.start();
            int number = ChineseNumerals.parse(m.group(1));
            boolean paragraphStart = paragraphStarts.contains(at);
            if (!paragraphStart && !afterBoundary(text, at)) {
                continue;
            }
            boolean restart = number == 1 && expected > 1 && (paragraphStart || afterColon(text, at));
            if (number == expected || restart) {
                positions.add(at);
                expected = number + 1;
            }
        }
        return positions;
    }

    /** A new run of points follows a lead-in that ends with a colon. */
    private static boolean afterColon(CharSequence text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && (text.charAt(i) == '：' || text.charAt(i) == ':');
    }

    private static boolean afterBoundary(CharSequence text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char before = text.charAt(i);
        if (BOUNDARY.indexOf(before) >= 0) {
            return true;
        }
        // 。” then 二是: a quotation that closes a sentence
        return i > 0 && "”’）)".indexOf(before) >= 0 && "。！？".indexOf(text.charAt(i - 1)) >= 0;
    }
}
