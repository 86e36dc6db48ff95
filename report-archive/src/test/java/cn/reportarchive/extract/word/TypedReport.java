package cn.reportarchive.extract.word;

import cn.reportarchive.parse.ChineseNumerals;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report's typed text read as the paragraphs a writer would have made of it with automatic
 * numbering: each line whose typed marker (一、 （一） 1. 1、 （1） ①) is the number the list would
 * give it at that place becomes a numbered paragraph of that level without its marker; every
 * other line stays as typed. Whatever the reader renders for the numbered paragraphs must then
 * give back the typed text.
 */
final class TypedReport {
    /** Level 0 … 4: 一、 · （一） (一) · 1. 1、 1． 1) 1） · （1） (1) · ①. */
    static final int LEVELS = 5;
    private static final Pattern[] MARKERS = {
        Pattern.compile("^([一二三四五六七八九十]{1,3})、(.*)$"),
        Pattern.compile("^([（(])([一二三四五六七八九十]{1,3})([）)])(.*)$"),
        Pattern.compile("^(\\d{1,2})([.、．)）])(?!\\d)(.*)$"),
        Pattern.compile("^([（(])(\\d{1,2})([）)])(.*)$"),
        Pattern.compile("^([①-⑳])(.*)$"),
    };

    /**
     * One paragraph: {@code level} -1 for a typed one; {@code template} the level's label
     * template (%1、 （%2） %3. …); {@code run} counts the runs of this level under one parent,
     * the places where a list restarting per parent needs a fresh instance.
     */
    record Paragraph(int level, String text, String template, int run, String typed) {
        boolean numbered() {
            return level >= 0;
        }
    }

    private TypedReport() {
    }

    static List<Paragraph> paragraphs(String typed) {
        List<Paragraph> result = new ArrayList<>();
        int[] counters = new int[LEVELS];
        int[] runs = new int[LEVELS];
        for (String line : typed.lines().toList()) {
            Paragraph p = numbered(line.strip(), counters, runs);
            result.add(p != null ? p : new Paragraph(-1, line.strip(), null, 0, line.strip()));
        }
        return result;
    }

    private static Paragraph numbered(String line, int[] counters, int[] runs) {
        for (int level = 0; level < LEVELS; level++) {
            Matcher m = MARKERS[level].matcher(line);
            if (!m.matches()) {
                continue;
            }
            boolean parenthesised = level == 1 || level == 3;
            int value = value(level, m.group(parenthesised ? 2 : 1));
            if (value != counters[level] + 1) {
                return null; // not the number the list would show here: leave it typed
            }
            if (counters[level] == 0) {
                runs[level]++;
            }
            counters[level] = value;
            for (int deeper = level + 1; deeper < LEVELS; deeper++) {
                counters[deeper] = 0;
            }
            // the template keeps the punctuation as typed: full-width （一） or, typed in the wrong input mode, (一)
            String template = switch (level) {
                case 0 -> "%1、";
                case 1 -> m.group(1) + "%2" + m.group(3);
                case 2 -> "%3" + m.group(2);
                case 3 -> m.group(1) + "%4" + m.group(3);
                default -> "%5";
            };
            String text = parenthesised ? m.group(4) : level == 2 ? m.group(3) : m.group(2);
            return new Paragraph(level, text, template, runs[level], line);
        }
        return null;
    }

    private static int value(int level, String marker) {
        return switch (level) {
            case 0, 1 -> ChineseNumerals.parse(marker);
            case 4 -> marker.charAt(0) - '①' + 1;
            default -> Integer.parseInt(marker);
        };
    }
}
