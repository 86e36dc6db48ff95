package cn.reportarchive.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Puts the title back on one line of its own. A title set large in a PDF, or broken with a soft
 * break in Word, arrives on two lines (…2023年度主题教育专题 / 民主生活会对照检查材料); a PDF line can
 * also hold the title and the first section heading together (…对照检查材料一、存在的问题).
 * Only the first lines are looked at, where a title stands.
 */
final class TitleLines {
    /** The title stands among the first lines. */
    private static final int LOOK = 6;
    static final Pattern TITLE = Pattern.compile(
            "对照检查|检视剖析|剖析材料|检查材料|发言提纲|发言材料|对照材料|民主生活会|组织生活会");
    /** A line that finishes a title: …对照检查材料, （六个方面）个人对照检查材料, 发言提纲. */
    private static final Pattern TITLE_TAIL = Pattern.compile(
            "^(?:[（(][^）)]{1,12}[）)])?(?:个人|班子)?(?:对照检查|检视剖析|剖析|检查|发言|对照|材料|提纲|会)"
                    + "[\\p{IsHan}（）()]{0,16}$");
    /** A line that a title goes on after: it names the year or the meeting but not the material yet. */
    private static final Pattern TITLE_HEAD = Pattern.compile(
            "(?:(?:19|20)[\\dXx]{2}|[〇○零一二三四五六七八九]{4})\\s*年度?|民主生活|组织生活|专题|主题教育");
    private static final Pattern REST_OF_TITLE = Pattern.compile(
            "^[\\p{IsHan}（）()“”]{1,20}(?:材料|提纲)$");
    private static final Pattern COMPLETE = Pattern.compile("(?:材料|提纲|发言|报告)$");
    private static final Pattern FIRST_SECTION = Pattern.compile("一[、．.]");

    private TitleLines() {
    }

    static List<String> mend(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < Math.min(LOOK, out.size()); i++) {
            String line = out.get(i);
            while (i + 1 < out.size() && wrapped(line, out.get(i + 1))) {
                out.set(i, line + out.get(i + 1));
                out.remove(i + 1);
                line = out.get(i);
            }
            int heading = firstHeadingInside(line);
            if (heading > 0) {
                out.set(i, line.substring(0, heading).strip());
                out.add(i + 1, line.substring(heading).strip());
                return out;
            }
            if (TITLE.matcher(line).find()) {
                return out;
            }
        }
        return out;
    }

    /** Whether {@code next} finishes the title that {@code line} began. */
    private static boolean wrapped(String line, String next) {
        if (LineEnds.sentence(line) || COMPLETE.matcher(line).find() || Markers.SECTION.matcher(next).find()
                || Markers.BLOCK.matcher(next).find() || line.length() + next.length() > 90) {
            return false;
        }
        boolean lineIsTitle = TITLE.matcher(line).find();
        if (lineIsTitle) {
            // 个人对 / 照检查材料: a wrap inside a word leaves a short rest that ends the material's name
            return TITLE_TAIL.matcher(next).matches() || REST_OF_TITLE.matcher(next).matches();
        }
        return TITLE_HEAD.matcher(line).find() && TITLE.matcher(next).find() && next.length() <= 40
                && !LineEnds.sentence(next);
    }

    /** Where a section heading starts inside a title line (…材料一、存在的问题), or -1. */
    private static int firstHeadingInside(String line) {
        var m = FIRST_SECTION.matcher(line);
        while (m.find()) {
            int at = m.start();
            if (at > 0 && TITLE.matcher(line.substring(0, at)).find()
                    && COMPLETE.matcher(line.substring(0, at).strip()).find()) {
                String rest = line.substring(at);
                if (SectionHeadings.standsAlone(rest) || SectionHeadings.runOnEnd(rest, 1) > 0) {
                    return at;
                }
            }
        }
        return -1;
    }
}
