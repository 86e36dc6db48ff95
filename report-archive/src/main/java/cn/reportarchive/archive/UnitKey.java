package cn.reportarchive.archive;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The key a unit name is matched by in the {@link UnitDirectory}, so that a typed name and a name
 * read from a header meet: 中共临江县财政局党组, 临江县财政局党组领导班子 and 临江县 财政局 are all
 * 临江县财政局. A pure function of the written form.
 */
final class UnitKey {
    private static final Pattern PARTY_PREFIX = Pattern.compile("^(?:中共|中国共产党)");
    private static final Pattern TEAM_SUFFIX = Pattern.compile("(?:常委会?)?(?:领导班子|班子成员|班子)?$");
    private static final Pattern ORGAN_SUFFIX = Pattern.compile("(?:党组|党委|委员会|党工委|党总支|党支部|机关党委)$");

    private UnitKey() {
    }

    /**
     * The key a name is matched by: the written form in NFKC, without zero-width characters and
     * without whitespace (any, ideographic included) beside a Chinese character — a space between two
     * Latin words or numbers stays, as one — without the party prefix (中共, 中国共产党), the team
     * suffix (领导班子, 班子, 常委班子) and the organ suffix (党组, 党委, 委员会…), unless that would
     * leave less than two characters (县委 stays 县委). Null for a blank name.
     */
    static String of(String written) {
        if (written == null) {
            return null;
        }
        String name = compact(Normalizer.normalize(written, Normalizer.Form.NFKC));
        if (name.isEmpty()) {
            return null;
        }
        String bare = PARTY_PREFIX.matcher(name).replaceFirst("");
        bare = TEAM_SUFFIX.matcher(bare).replaceFirst("");
        String reduced = ORGAN_SUFFIX.matcher(bare).replaceFirst("");
        bare = reduced.length() >= 2 ? reduced : bare;
        return bare.isEmpty() ? name : bare;
    }

    /** Whitespace dropped, but for one space between two characters that are not Chinese. */
    private static String compact(String text) {
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        int last = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = last >= 0;
                continue;
            }
            if (pendingSpace && !wide(last) && !wide(c)) {
                out.append(' ');
            }
            pendingSpace = false;
            out.appendCodePoint(c);
            last = c;
        }
        return out.toString();
    }

    private static boolean wide(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF);
    }
}
