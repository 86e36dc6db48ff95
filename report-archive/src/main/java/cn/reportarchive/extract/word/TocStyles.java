package cn.reportarchive.extract.word;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;

/**
 * Whether a paragraph style is one of Word's table-of-contents styles. Word names them "toc 1" …
 * "toc 9" in styles.xml whatever the interface language; the ids are TOC1… in English Word and
 * numbers (10, 21…) in Chinese Word, so the name decides and the id is only a fallback.
 */
final class TocStyles {
    private static final Pattern TOC = Pattern.compile("toc ?[1-9]|目录 ?[1-9]");

    private final XWPFStyles styles;
    private final Map<String, Boolean> known = new HashMap<>();

    TocStyles(XWPFStyles styles) {
        this.styles = styles;
    }

    boolean isToc(String styleId) {
        if (styleId == null) {
            return false;
        }
        return known.computeIfAbsent(styleId, id -> {
            XWPFStyle style = styles == null ? null : styles.getStyle(id);
            String name = style == null || style.getName() == null ? id : style.getName();
            return TOC.matcher(name.toLowerCase(Locale.ROOT)).matches()
                    || TOC.matcher(id.toLowerCase(Locale.ROOT)).matches();
        });
    }
}
