package cn.reportarchive.extract;

import java.util.stream.Collectors;

/**
 * Chinese is written without spaces; the spaces a PDF export puts around digits, Latin words
 * and inside quotes ("领导干部 2022 民主生活会", "“ 四个自信”") are dropped. Spaces between
 * two Latin words or numbers stay, collapsed to one.
 */
public final class SpaceCleaner {
    String clean(String text) {
        return text.lines().map(SpaceCleaner::cleanLine).collect(Collectors.joining("\n"));
    }

    public static String cleanLine(String line) {
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c != ' ') {
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < n && line.charAt(end) == ' ') {
                end++;
            }
            boolean atEdge = out.length() == 0 || end == n;
            int before = atEdge ? 0 : out.codePointBefore(out.length());
            int after = atEdge ? 0 : line.codePointAt(end);
            if (!atEdge && !Wide.isWide(before) && !Wide.isWide(after)) {
                out.append(' ');
            }
            i = end;
        }
        return out.toString();
    }
}
