package cn.reportarchive.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a measure written inline ({@code 一是要……；二是要……；三是……}): each is a measure of
 * its own, as if numbered, so an account of any one of them reports the measure. Only an
 * enumeration that begins with 一是 and goes on to 二是 is split (a lone 一是 is just an item marker);
 * text without one is one part.
 */
public final class InlineParts {
    private static final Pattern OPENING = Pattern.compile("(?:^|[；;。，,：:\\s])([一二三四五六七八九十]+)是(?:要)?");

    private InlineParts() {
    }

    public static List<String> of(String measure) {
        Matcher m = OPENING.matcher(measure);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(1), m.end()});
        }
        if (starts.size() < 2 || !measure.startsWith("一", starts.get(0)[0]) || !measure.startsWith("二", starts.get(1)[0])) {
            return List.of(measure);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : measure.length();
            String part = measure.substring(starts.get(i)[1], end).replaceAll("[；;。，,\\s]+$", "").strip();
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? List.of(measure) : parts;
    }
}
