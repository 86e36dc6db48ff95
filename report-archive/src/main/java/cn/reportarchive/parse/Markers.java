package cn.reportarchive.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbering that gives a report its levels: 一、 · （一） · 1. 1、 （1） ① · 一是. */
final class Markers {
    static final String CN = "[一二三四五六七八九十]{1,3}";

    /** 一、 (section); a dot is accepted as well, PDF and WPS sometimes write it. */
    static final Pattern SECTION = Pattern.compile("^" + CN + "[、．.]\\s*");
    /** （一） or (一) (block). */
    static final Pattern BLOCK = Pattern.compile("^[（(]" + CN + "[）)]\\s*");
    /** 1. 1． 1、 1) 1） — but not a decimal such as 1.5. */
    static final Pattern ARABIC = Pattern.compile("^(\\d{1,2})(?:[．.](?!\\d)|、|[)）])\\s*");
    /** 2.12315…: a number run on after the dot, an item only where the count says so. */
    static final Pattern ARABIC_RUN_ON = Pattern.compile("^(\\d{1,2})[．.]\\d");
    /** （1） or (1). */
    static final Pattern PAREN_ARABIC = Pattern.compile("^[（(](\\d{1,2})[）)]\\s*");
    /**
     * 1  乡村振兴部署落地不细  修改完善……: a row of a table written as lines, its number then the
     * first column. Import drops the blanks between a digit and Chinese, so the row may read
     * 1乡村振兴……; a number followed by a measure word (3个月, 12次) is prose, and rows count only
     * in sequence from 1 and two or more together (see {@link ItemSplitter}). Once a table has
     * begun, the next number in sequence is the next row whatever follows it (5人居环境…).
     */
    static final Pattern TABLE_ROW = Pattern.compile(
            "^(\\d{1,2})[ \\t\u3000]*(?=[^\\s\\d.．、)）%％])(?![个月年日次名人项条天家户批期件篇场轮类处所万千百亿元周倍号份余多岁届级位])");
    static final Pattern TABLE_ROW_NEXT = Pattern.compile("^(\\d{1,2})[ \\t\u3000]*(?=[^\\s\\d.．、)）%％])");
    /** ① … ⑳. */
    static final Pattern CIRCLED = Pattern.compile("^[①-⑳]\\s*");
    /** 一是 / 二是 …, where it may open an inline point. */
    static final Pattern INLINE = Pattern.compile("(" + CN + ")是");

    /** Line-form item styles, in the order a block is checked for them. */
    enum ItemStyle {
        ARABIC(Markers.ARABIC), PAREN_ARABIC(Markers.PAREN_ARABIC), CIRCLED(Markers.CIRCLED),
        /** Only in sequence from 1: a line may start with a bare number in prose (12 个问题…). */
        TABLE_ROW(Markers.TABLE_ROW);

        final Pattern pattern;

        ItemStyle(Pattern pattern) {
            this.pattern = pattern;
        }

        boolean opens(String paragraph) {
            return this == TABLE_ROW ? rowNumber(Markers.TABLE_ROW, paragraph) == 1 : pattern.matcher(paragraph).find();
        }

        /** Whether the paragraph opens point number {@code expected} of this style. */
        boolean opens(String paragraph, int expected) {
            if (this == TABLE_ROW) {
                return rowNumber(expected == 1 ? Markers.TABLE_ROW : TABLE_ROW_NEXT, paragraph) == expected;
            }
            if (opens(paragraph)) {
                return true;
            }
            if (this != ARABIC) {
                return false;
            }
            Matcher m = ARABIC_RUN_ON.matcher(paragraph);
            return m.find() && expected > 1 && Integer.parseInt(m.group(1)) == expected;
        }

        private static int rowNumber(Pattern row, String paragraph) {
            Matcher m = row.matcher(paragraph);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        }

        static ItemStyle of(String paragraph) {
            for (ItemStyle style : values()) {
                if (style.opens(paragraph)) {
                    return style;
                }
            }
            return null;
        }
    }

    private Markers() {
    }
}
