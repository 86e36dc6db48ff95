package cn.reportarchive.extract.word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * ODF list styles (text:list-style, and text:outline-style for numbered headings) as
 * {@link ListLevel}s: style:num-format with its prefix and suffix (（ and ）), text:display-levels
 * (1.1), text:start-value. LibreOffice writes Chinese formats as sample sequences
 * ("一, 二, 三, ..."); the first sample says which format it is.
 */
final class OdfListStyles {
    private static final String TEXT = OdtReader.TEXT;
    private static final String STYLE = OdtReader.STYLE;
    private static final int ODF_LEVELS = 10;

    private final Map<String, List<ListLevel>> lists = new HashMap<>();
    private final List<ListLevel> outline;

    OdfListStyles(Document content, Document styles) {
        List<ListLevel> outlineLevels = null;
        for (Document doc : new Document[] {styles, content}) {
            if (doc == null) {
                continue;
            }
            NodeList listStyles = doc.getElementsByTagNameNS(TEXT, "list-style");
            for (int i = 0; i < listStyles.getLength(); i++) {
                Node style = listStyles.item(i);
                String name = Dom.attr(style, STYLE, "name");
                if (name != null) {
                    lists.put(name, levels(style, "list-level-style-number"));
                }
            }
            NodeList outlines = doc.getElementsByTagNameNS(TEXT, "outline-style");
            if (outlines.getLength() > 0) {
                outlineLevels = levels(outlines.item(0), "outline-level-style");
            }
        }
        this.outline = outlineLevels;
    }

    /** The levels of a list style; a style not found numbers nothing. */
    List<ListLevel> list(String styleName) {
        return styleName == null ? List.of() : lists.getOrDefault(styleName, List.of());
    }

    /** The outline (heading) numbering, when any level of it shows a number. */
    Optional<List<ListLevel>> outline() {
        if (outline == null || outline.stream().allMatch(l -> "none".equals(l.format()))) {
            return Optional.empty();
        }
        return Optional.of(outline);
    }

    private static List<ListLevel> levels(Node style, String numberElement) {
        ListLevel[] levels = new ListLevel[ListCounters.LEVELS];
        for (Node n = style.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!TEXT.equals(n.getNamespaceURI())) {
                continue;
            }
            int level = OdtReader.intAttr(n, TEXT, "level", 0) - 1;
            if (level < 0 || level >= ODF_LEVELS) {
                continue;
            }
            level = Math.min(level, ListCounters.LEVELS - 1);
            if (!n.getLocalName().equals(numberElement)) {
                levels[level] = ListLevel.of(level, 1, "bullet", null); // bullets and images carry no number
                continue;
            }
            String format = format(Dom.attr(n, STYLE, "num-format"));
            int start = OdtReader.intAttr(n, TEXT, "start-value", 1);
            int shown = Math.max(1, Math.min(level + 1, OdtReader.intAttr(n, TEXT, "display-levels", 1)));
            StringBuilder template = new StringBuilder(nullToEmpty(Dom.attr(n, STYLE, "num-prefix")));
            for (int l = level + 1 - shown; l <= level; l++) {
                template.append('%').append(l + 1).append(l < level ? "." : "");
            }
            template.append(nullToEmpty(Dom.attr(n, STYLE, "num-suffix")));
            levels[level] = new ListLevel(start, format, "none".equals(format) && shown == 1
                    ? nullToEmpty(Dom.attr(n, STYLE, "num-prefix")) + nullToEmpty(Dom.attr(n, STYLE, "num-suffix"))
                    : template.toString(), level, false);
        }
        List<ListLevel> result = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            result.add(levels[i] != null ? levels[i] : ListLevel.of(i, 1, "none", ""));
        }
        return List.copyOf(result);
    }

    /** ODF's num-format: 1 a A i I, empty for none, LibreOffice's samples for the others. */
    static String format(String numFormat) {
        if (numFormat == null || numFormat.isEmpty()) {
            return "none";
        }
        return switch (numFormat) {
            case "1" -> "decimal";
            case "a" -> "lowerLetter";
            case "A" -> "upperLetter";
            case "i" -> "lowerRoman";
            case "I" -> "upperRoman";
            default -> sample(numFormat);
        };
    }

    private static String sample(String numFormat) {
        String first = numFormat.split("[,，]", 2)[0].strip();
        return switch (first) {
            case "一" -> numFormat.contains("十") && !numFormat.contains("...") ? "chineseCountingThousand" : "chineseCounting";
            case "壹" -> "chineseLegalSimplified";
            case "甲" -> "ideographTraditional";
            case "子" -> "ideographZodiac";
            case "①" -> "decimalEnclosedCircle";
            case "⑴" -> "decimalEnclosedParen";
            case "⒈" -> "decimalEnclosedFullstop";
            case "㈠" -> "ideographEnclosedCircle";
            case "１" -> "decimalFullWidth";
            case "〇", "○" -> "ideographDigital";
            default -> "decimal";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
