package cn.reportarchive.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The marker an item is written with (一是 / 1. / （1） / ①), for readers that want the point alone. */
public final class ItemMarkers {
    private static final Pattern INLINE_OPENING = Pattern.compile(
            "^(?:" + Markers.CN + "[是要]|第" + Markers.CN + "[，,、：:]|其" + Markers.CN + "是?)[，,：:、]?");

    private ItemMarkers() {
    }

    /** The item's text without its leading marker; text without one comes back as it is. */
    public static String strip(String itemText) {
        String text = itemText.strip();
        for (Pattern p : new Pattern[] {Markers.ARABIC, Markers.PAREN_ARABIC, Markers.CIRCLED, INLINE_OPENING}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return text.substring(m.end()).strip();
            }
        }
        return text;
    }
}
