package cn.reportarchive.search;

/**
 * A query as typed on a Chinese keyboard or pasted from a web page, brought to the form the query
 * language reads, before it is parsed. Pure functions.
 *
 * <ul>
 *   <li>Invisible characters (zero-width space, word joiner, byte-order mark, the bidirectional marks and
 *       overrides: every format character) are removed: copied from a web page, they stand between the
 *       characters of a word and would keep it from matching.</li>
 *   <li>Every kind of space (no-break, full-width, ideographic, thin…), tabs and line breaks are a space.</li>
 *   <li>Full-width letters and digits are the ASCII ones ({@code ｙｅａｒ：２０２３}); the full-width colon is
 *       the colon, so {@code year：2023} is a filter (a colon after Chinese text stays text either way).</li>
 *   <li>Full-width brackets {@code （）} around two terms or more group like {@code ()}, and the quotes {@code “”＂} quote like {@code "},
 *       when they pair up in the query (and no ASCII quote is typed beside them); a lone one stays the punctuation it is, so a pasted sentence with a
 *       stray bracket or quote is searched, not refused.</li>
 *   <li>Control characters and lone surrogates (broken text, never typed) are refused with a sentence.</li>
 * </ul>
 */
public final class QueryText {
    private QueryText() {
    }

    /** The query normalised; null and blank give the empty string. */
    public static String normalise(String query) throws QuerySyntaxException {
        if (query == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < query.length() && Character.isLowSurrogate(query.charAt(i + 1))) {
                int cp = query.codePointAt(i);
                if (Character.getType(cp) != Character.FORMAT) { // tag characters and the like are invisible too
                    out.appendCodePoint(cp);
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new QuerySyntaxException("检索式中含有无法识别的字符（残缺的文字编码），请重新输入或粘贴。");
            }
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u0085') {
                out.append(' ');
            } else if (Character.getType(c) == Character.CONTROL) {
                throw new QuerySyntaxException("检索式中含有控制字符（不可见的特殊字符），请删除后重新输入。");
            } else if (Character.getType(c) == Character.FORMAT) {
                // zero-width space, BOM, RLO…: dropped
            } else if (Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || c == '：') {
                out.append((char) (c - 0xFEE0));
            } else {
                out.append(c);
            }
        }
        String s = out.toString();
        s = pairUp(s, '（', '）', '(', ')');
        return quotes(s).strip();
    }

    /**
     * Full-width brackets group when they pair up and hold a space (two terms or more: （上访 OR 信访）);
     * one around a number or a word (（2）调研不深, （一）) is the enumeration it is in a pasted point.
     */
    private static String pairUp(String s, char open, char close, char asciiOpen, char asciiClose) {
        char[] out = s.toCharArray();
        java.util.ArrayDeque<Integer> opened = new java.util.ArrayDeque<>();
        java.util.List<int[]> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == open) {
                opened.push(i);
            } else if (out[i] == close) {
                if (opened.isEmpty()) {
                    return s;
                }
                pairs.add(new int[] {opened.pop(), i});
            }
        }
        if (!opened.isEmpty()) {
            return s;
        }
        for (int[] p : pairs) {
            if (s.substring(p[0] + 1, p[1]).indexOf(' ') >= 0) {
                out[p[0]] = asciiOpen;
                out[p[1]] = asciiClose;
            }
        }
        return new String(out);
    }

    /**
     * Chinese quotes become the query's quote when they pair up: “ opening and ” closing by turns, or ＂
     * an even number of times; and only when the ASCII quotes typed beside them pair up too.
     */
    private static String quotes(String s) {
        boolean open = false;
        boolean curly = true;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '“' || c == '”') {
                any = true;
                if (c == '“' == open) {
                    curly = false;
                }
                open = c == '“';
            }
        }
        String out = s;
        if (any && curly && !open && count(s, '"') == 0) {
            out = out.replace('“', '"').replace('”', '"');
        }
        if (count(out, '＂') % 2 == 0 && count(out, '"') % 2 == 0) {
            out = out.replace('＂', '"');
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
