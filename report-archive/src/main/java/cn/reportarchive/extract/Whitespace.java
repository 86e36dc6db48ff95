package cn.reportarchive.extract;

import java.util.stream.Collectors;

/** Line breaks, blanks and invisible characters made uniform. */
final class Whitespace {
    private Whitespace() {
    }

    static String unify(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\f' || c == '\u000B' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (c == '\uFEFF' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\u00AD') {
                // byte-order marks, zero-width characters and soft hyphens carry nothing
            } else if (c == '\t' || Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (!Character.isISOControl(c)) {
                out.append(c);
            }
        }
        return out.toString().lines().map(String::strip).collect(Collectors.joining("\n"));
    }

    static String dropEmptyLines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }
}
