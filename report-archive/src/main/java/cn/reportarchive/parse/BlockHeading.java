package cn.reportarchive.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a block's first line into its heading and the text that runs on after it:
 * "（二）理论学习方面。我能够……" is heading "（二）理论学习方面。" and text "我能够……".
 */
record BlockHeading(String heading, String rest) {
    /** How far after 方面 a heading may still run to its colon or full stop (方面存在的问题：). */
    private static final int AFTER_ASPECT = 12;
    /** A block line of one sentence up to this length is a heading, not a heading and an intro. */
    private static final int ONE_SENTENCE_HEADING = 80;

    private static final Pattern POINTS = Pattern.compile(
            "(?:一是|一要|第一[，,、：:]|其一[，,、：:])");

    static BlockHeading split(String line) {
        Matcher marker = Markers.BLOCK.matcher(line);
        int start = marker.find() ? marker.end() : 0;
        int aspectWord = line.indexOf("方面", start);
        int firstStop = firstStop(line, start);
        int points = pointsStart(line, start);
        if (points >= 0 && (firstStop < 0 || points < firstStop) && (aspectWord < 0 || points < aspectWord)) {
            // （二）一是要……；二是要…… or （一）作为班子成员，一是要……: the points begin at once
            return at(line, points);
        }
        if (aspectWord >= 0 && (firstStop < 0 || aspectWord < firstStop)) {
            int end = aspectWord + 2;
            if (end < line.length() && "。：:".indexOf(line.charAt(end)) >= 0) {
                return at(line, end + 1);
            }
            if (end < line.length() && "，,；;".indexOf(line.charAt(end)) >= 0) {
                return new BlockHeading(line.substring(0, end), line.substring(end + 1).strip());
            }
            if ((firstStop < 0 || firstStop == line.length() - 1) && line.length() <= ONE_SENTENCE_HEADING) {
                // （一）针对……方面的问题，切实为基层减负松绑。 — one sentence, all of it heading
                return at(line, line.length());
            }
            int stop = firstStop(line, end);
            if (stop >= 0 && stop - end <= AFTER_ASPECT) {
                return at(line, stop + 1);
            }
            return at(line, end);
        }
        return at(line, firstStop >= 0 ? firstStop + 1 : line.length());
    }

    /**
     * Where an inline enumeration opens right after the marker or after a comma lead-in before the
     * heading's first stop, or -1.
     */
    private static int pointsStart(String line, int start) {
        Matcher m = POINTS.matcher(line);
        int from = start;
        while (from < line.length() && m.find(from)) {
            int at = m.start();
            if (at == start || "，,".indexOf(line.charAt(at - 1)) >= 0) {
                return at;
            }
            from = at + 1;
        }
        return -1;
    }

    private static int firstStop(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            if ("。：:！!？?".indexOf(line.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static BlockHeading at(String line, int end) {
        return new BlockHeading(line.substring(0, end).strip(), line.substring(end).strip());
    }
}
