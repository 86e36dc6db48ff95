package cn.reportarchive.generate;

/**
 * Small imperfections of real files that the importer must see through: stray spaces inside
 * Chinese quotation marks (“ 四个自信”), and the spaces a PDF export puts around digits and Latin
 * letters. None of them changes the text the parser should return.
 */
final class Quirks {
    private Quirks() {
    }

    /** Now and then a space after an opening or before a closing quotation mark. */
    static String quoteSpaces(String text, Rng r) {
        if (text.indexOf('“') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '”' && r.chance(0.15)) {
                out.append(' ');
            }
            out.append(c);
            if (c == '“' && r.chance(0.15)) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    /** Spaces around runs of digits and Latin letters, as Word's PDF export leaves them. */
    static String latinSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ascii = c > ' ' && c < 0x7F;
            if (i > 0) {
                char prev = text.charAt(i - 1);
                boolean prevAscii = prev > ' ' && prev < 0x7F;
                if (ascii != prevAscii && prev != ' ' && c != ' ') {
                    out.append(' ');
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
