package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the section headings (一、…) among the body lines. A line is a heading on its own when it is
 * short and ends no sentence (一、存在的问题). Authors also run the heading into its text
 * (一、存在的问题。在理论学习方面……), end it with a semicolon (一、存在的问题,存在问题的具体表现;) or
 * put the first block on the same line (一、存在的问题（一）理论学习方面……): such a line is a heading
 * only when its words up to the first stop are few, name a known kind of section and its numeral
 * is the next in sequence, because a prose line can start with a numeral too (一、二季度的……). The
 * run-on text is split off as a line of its own.
 */
final class SectionHeadings {
    /** A 一、 line longer than this is prose that happens to start with a numeral, not a heading. */
    static final int MAX_SECTION_HEADING = 50;
    /** The words of a run-on heading, up to its first stop, are at most this long. */
    private static final int MAX_RUN_ON_HEADING = 30;
    private static final Pattern INNER_STOP = Pattern.compile("[。；;！!？?]");
    private static final Pattern NUMERAL = Pattern.compile("^(" + Markers.CN + ")");
    /** Where a run-on heading's words end: a stop, or the first block or item marker. */
    private static final Pattern HEADING_END = Pattern.compile("[。；;：:！!？?]|[（(]一[）)]|(?<![\\d.．])1[.．、](?!\\d)");

    private SectionHeadings() {
    }

    /** The lines, with run-on headings split from their text, and which of them are headings. */
    record Found(List<String> lines, Set<Integer> headings) {
    }

    static Found find(List<String> lines) {
        List<String> out = new ArrayList<>();
        Set<Integer> headings = new HashSet<>();
        int last = 0;
        for (String line : lines) {
            if (standsAlone(line)) {
                headings.add(out.size());
                out.add(line);
                last = numeral(line);
                continue;
            }
            int end = runOnEnd(line, last + 1);
            if (end < 0) {
                out.add(line);
                continue;
            }
            headings.add(out.size());
            out.add(line.substring(0, end).strip());
            String rest = line.substring(end).strip();
            if (!rest.isEmpty()) {
                out.add(rest);
            }
            last++;
        }
        return new Found(out, headings);
    }

    /** 一、存在的问题 on a line of its own: short, and no sentence ends in it or at its end. */
    static boolean standsAlone(String line) {
        return Markers.SECTION.matcher(line).find() && line.length() <= MAX_SECTION_HEADING
                && !LineEnds.sentence(line) && !INNER_STOP.matcher(line).find();
    }

    /**
     * Where the heading of a run-on line ends (after its stop, or before the block marker), or -1 when
     * the line is no section heading numbered {@code expected}.
     */
    static int runOnEnd(String line, int expected) {
        Matcher marker = Markers.SECTION.matcher(line);
        if (!marker.find() || numeral(line) != expected) {
            return -1;
        }
        Matcher stop = HEADING_END.matcher(line);
        int wordsEnd = stop.find(marker.end()) ? stop.start() : line.length();
        String words = line.substring(marker.end(), wordsEnd);
        if (words.isBlank() || words.length() > MAX_RUN_ON_HEADING
                || SectionClassifier.classify(words) == SectionType.OTHER) {
            return -1;
        }
        boolean stopChar = wordsEnd < line.length() && "。；;：:！!？?".indexOf(line.charAt(wordsEnd)) >= 0;
        return stopChar ? wordsEnd + 1 : wordsEnd;
    }

    private static int numeral(String line) {
        Matcher m = NUMERAL.matcher(line);
        return m.find() ? ChineseNumerals.parse(m.group(1)) : -1;
    }
}
