package cn.reportarchive.extract.word;

/**
 * One level of a list as the document defines it, whichever format it comes from: the value its
 * first paragraph gets ({@code start}), the number format ({@link NumberFormats} names), the label
 * template with {@code %1}…{@code %9} standing for the counters of levels 1…9 ({@code %1、},
 * {@code （%2）}, {@code %1.%2}), after which levels it starts again, and whether it shows every
 * level in decimal digits (Word's "legal" numbering).
 *
 * @param restartBelow the level counts again from {@code start} when a paragraph of a level with a
 *                     lower index (0-based) is numbered: the level's own index by default (any
 *                     higher level restarts it), 0 for never
 */
public record ListLevel(int start, String format, String template, int restartBelow, boolean legal) {
    public static ListLevel of(int level, int start, String format, String template) {
        return new ListLevel(start, format, template, level, false);
    }

    ListLevel withStart(int newStart) {
        return new ListLevel(newStart, format, template, restartBelow, legal);
    }
}
