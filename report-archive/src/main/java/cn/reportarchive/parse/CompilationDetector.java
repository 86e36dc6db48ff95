package cn.reportarchive.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a text holds several reports: a compilation (【第一篇】…【第二篇】…), or a team's report
 * followed by its members' personal ones, each with its own title, preface and sections. Merged
 * into one, their points would be counted under one author and one kind, so such a file is
 * refused rather than guessed apart. A report is counted where a title line (short, ending no
 * sentence, naming the material) is followed by its own 一、 section before the next title, or
 * where a compilation marker stands; a title repeated on every page (a running header) has no
 * section of its own after each copy, so it counts once.
 */
final class CompilationDetector {
    private static final Pattern PIECE_MARKER = Pattern.compile(
            "^[【\\[［]?(?:第[一二三四五六七八九十\\d]{1,3}篇|材料[一二三四五六七八九十\\d]{1,3}|之[一二三四五六七八九十])[】\\]］]?");
    private static final Pattern MATERIAL_TITLE = Pattern.compile(
            "对照检查|检视剖析|剖析材料|检查材料|发言提纲|发言材料|对照材料");
    private static final int MAX_TITLE = 90;
    private static final Pattern FIRST_SECTION = Pattern.compile("^一[、．.]");

    private CompilationDetector() {
    }

    /** How many reports the text seems to hold (1 for an ordinary report, 0 for none). */
    static int count(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int markers = 0;
        int titled = 0;
        boolean titleOpen = false;
        for (String line : lines) {
            if (PIECE_MARKER.matcher(line).find() && line.length() <= MAX_TITLE && !LineEnds.sentence(line)) {
                markers++;
            }
            if (isTitle(line)) {
                titleOpen = true;
            } else if (titleOpen && FIRST_SECTION.matcher(line).find() && SectionHeadings.standsAlone(line)
                    || titleOpen && FIRST_SECTION.matcher(line).find() && SectionHeadings.runOnEnd(line, 1) > 0) {
                titled++;
                titleOpen = false;
            }
        }
        return Math.max(markers, titled);
    }

    /** One Chinese sentence saying why the text cannot be imported as one report, or null. */
    static String refusal(String text) {
        int n = count(text);
        if (n < 2) {
            return null;
        }
        return "该文件看起来包含 " + n + " 份对照检查材料（各有标题和“一、二、三、”部分），"
                + "合为一份会把不同作者的内容混在一起，请拆分成单独的文件后逐份导入。";
    }

    private static boolean isTitle(String line) {
        return line.length() <= MAX_TITLE && !LineEnds.sentence(line) && !line.endsWith("：") && !line.endsWith(":")
                && !line.endsWith("，") && MATERIAL_TITLE.matcher(line).find()
                && !Markers.SECTION.matcher(line).find() && !Markers.BLOCK.matcher(line).find()
                && !line.startsWith("《") && !line.contains("关于");
    }
}
