package cn.reportarchive.parse;

import java.util.regex.Pattern;

/**
 * One name per unit, whichever body of it wrote the report: 中共临江县财政局党组,
 * 临江县财政局党组领导班子 and 临江县财政局 are all 临江县财政局, so that a unit's team and
 * personal reports, and its years, line up. Only names read from the text are reduced; a unit
 * the user types is kept as typed.
 */
public final class UnitNames {
    private static final Pattern PARTY_PREFIX = Pattern.compile("^(?:中共|中国共产党)");
    private static final Pattern TEAM_SUFFIX = Pattern.compile("(?:常委会?)?(?:领导班子|班子成员|班子)?$");
    private static final Pattern ORGAN_SUFFIX = Pattern.compile("(?:党组|党委|委员会|党工委|党总支|党支部|机关党委)$");

    private UnitNames() {
    }

    public static String canonical(String written) {
        if (written == null) {
            return null;
        }
        String name = written.strip().replaceAll("\\s+", "");
        name = PARTY_PREFIX.matcher(name).replaceFirst("");
        name = TEAM_SUFFIX.matcher(name).replaceFirst("");
        String reduced = ORGAN_SUFFIX.matcher(name).replaceFirst("");
        // 县委 stays 县委: only strip an organ word when a place or body is left before it
        name = reduced.length() >= 2 ? reduced : name;
        return name.isEmpty() ? null : name;
    }
}
