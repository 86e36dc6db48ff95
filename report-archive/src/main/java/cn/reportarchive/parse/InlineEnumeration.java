package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The inline form: 一是……。二是……。三是…… inside paragraphs (and the other {@link InlineForm}s).
 * A marker counts only where a point can start (a paragraph start, or after 。；：！？, or after a
 * comma lead-in such as 作为领导干部，一是要……) and only in sequence, so that 统一是 or 唯一是
 * inside a word is never taken for one. 一是 again at a paragraph start or after a lead-in starts a
 * new run; points are numbered through the block. A run that opens after a comma must reach 二是:
 * a lone ，一是 is more often prose (一是一，…) than a list. One block uses one form: the one that
 * finds the most points.
 */
final class InlineEnumeration {
    private static final String BOUNDARY = "。；;：:！!？?";
    private static final String LEAD_IN = "，,";

    private InlineEnumeration() {
    }

    static ItemSplitter.Body split(List<String> paragraphs) {
        StringBuilder text = new StringBuilder();
        Set<Integer> paragraphStarts = new HashSet<>();
        for (String paragraph : paragraphs) {
            paragraphStarts.add(text.length());
            text.append(paragraph);
        }
        List<Integer> starts = List.of();
        for (InlineForm form : InlineForm.values()) {
            List<Integer> found = markerPositions(text, paragraphStarts, form);
            if (found.size() > starts.size()) {
                starts = found;
            }
        }
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

    /** A run of markers in sequence; {@code weak} when it opened after a comma, not a stop. */
    private record Run(List<Integer> positions, boolean weak) {
    }

    private static List<Integer> markerPositions(CharSequence text, Set<Integer> paragraphStarts, InlineForm form) {
        List<Run> runs = new ArrayList<>();
        Run current = null;
        int expected = 1;
        Matcher m = form.pattern.matcher(text);
        while (m.find()) {
            int at = m.start();
            int number = InlineForm.number(m.group(1));
            boolean paragraphStart = paragraphStarts.contains(at);
            boolean stop = paragraphStart || afterBoundary(text, at);
            boolean leadIn = !stop && before(text, at, LEAD_IN);
            if (!stop && !leadIn) {
                continue;
            }
            boolean restart = number == 1 && expected > 1 && (paragraphStart || before(text, at, "：:") || leadIn);
            if (number == 1 && (expected == 1 || restart)) {
                current = new Run(new ArrayList<>(), leadIn);
                runs.add(current);
                current.positions().add(at);
                expected = 2;
            } else if (current != null && number == expected) {
                current.positions().add(at);
                expected++;
            }
        }
        List<Integer> positions = new ArrayList<>();
        for (Run run : runs) {
            int min = run.weak() ? Math.max(2, form.minRun) : form.minRun;
            if (run.positions().size() >= min) {
                positions.addAll(run.positions());
            }
        }
        return positions;
    }

    /** Whether the last non-blank character before {@code at} is one of {@code chars}. */
    private static boolean before(CharSequence text, int at, String chars) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && chars.indexOf(text.charAt(i)) >= 0;
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
        // 意识.二是: a Latin full stop typed in the wrong input mode, not the dot of 1. or 2.5
        if (before == '.' && i > 0 && !Character.isDigit(text.charAt(i - 1))) {
            return true;
        }
        // 。” then 二是: a quotation that closes a sentence
        return i > 0 && "”’）)".indexOf(before) >= 0 && "。！？".indexOf(text.charAt(i - 1)) >= 0;
    }
}
