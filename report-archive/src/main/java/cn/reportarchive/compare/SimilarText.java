package cn.reportarchive.compare;

/**
 * A pasted text made ready to look for: invisible characters a web page or a word processor leaves
 * in (zero-width spaces, direction marks, a byte-order mark) taken out, and text that cannot be
 * looked for refused with a sentence saying why.
 */
public final class SimilarText {
    /** A problem is a sentence or a paragraph; a whole report pasted is not a point to look for. */
    public static final int MAX_CHARS = 2000;

    private SimilarText() {
    }

    /** The text to look for, or a {@link CompareException} (BAD_REQUEST) with the reason. */
    public static String clean(String raw) throws CompareException {
        if (raw == null || raw.isBlank()) {
            throw bad("请粘贴或输入要查找的一段文字（如一条问题）。");
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1));
                if (!paired) {
                    throw bad("文字中含有无法识别的字符（不成对的代理项），请重新复制后再试。");
                }
                out.append(c).append(raw.charAt(++i));
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT) {
                continue; // zero-width and direction characters: invisible, and they cut words apart
            }
            if (type == Character.CONTROL && c != '\n' && c != '\r' && c != '\t') {
                throw bad("文字中含有控制字符，请只粘贴正文文字。");
            }
            out.append(c);
        }
        String text = out.toString().strip();
        if (text.codePointCount(0, text.length()) > MAX_CHARS) {
            throw bad("粘贴的文字过长（" + text.codePointCount(0, text.length()) + " 字），请只粘贴一条问题或一段话，不超过 "
                    + MAX_CHARS + " 字。");
        }
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw bad("粘贴的内容里没有文字（只有标点或符号），无法查找相似表述。");
        }
        return text;
    }

    private static CompareException bad(String message) {
        return new CompareException(CompareException.Reason.BAD_REQUEST, message);
    }
}
