package cn.reportarchive.extract.word;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * What numbering.xml and styles.xml say a paragraph's list is: its list instance ({@code w:num},
 * with the start values and levels it overrides) over an abstract list ({@code w:abstractNum}),
 * and its level, given on the paragraph or carried by its paragraph style and the styles that
 * style is based on. Lists are read once per document and kept.
 */
final class DocxNumbering {
    /** A based-on chain longer than this is a loop in a broken file. */
    private static final int MAX_STYLE_DEPTH = 32;

    /** A paragraph's place in a list; {@code key} tells the counters which list it advances. */
    record ListRef(Object key, List<ListLevel> levels, int level, String suffix) {
    }

    private record Instance(Object key, List<ListLevel> levels, List<String> suffixes, Map<String, Integer> styleLevels) {
    }

    private final XWPFNumbering numbering;
    private final XWPFStyles styles;
    private final Map<BigInteger, Optional<Instance>> instances = new HashMap<>();
    private String defaultStyle;

    DocxNumbering(XWPFNumbering numbering, XWPFStyles styles) {
        this.numbering = numbering;
        this.styles = styles;
    }

    /**
     * The list of a paragraph with the given direct {@code numId}/{@code ilvl} (null when the
     * paragraph sets none) and paragraph style; empty when it is not numbered.
     */
    Optional<ListRef> resolve(BigInteger numId, BigInteger ilvl, String styleId) {
        if (numbering == null) {
            return Optional.empty();
        }
        BigInteger styleNumId = null;
        BigInteger styleIlvl = null;
        List<String> chain = new ArrayList<>();
        if (numId == null || ilvl == null) {
            String id = styleId == null ? defaultParagraphStyle() : styleId;
            Set<String> seen = new HashSet<>();
            for (int depth = 0; id != null && depth < MAX_STYLE_DEPTH && seen.add(id); depth++) {
                CTStyle style = ctStyle(id);
                if (style == null) {
                    break;
                }
                chain.add(id);
                CTNumPr numPr = style.getPPr() == null ? null : style.getPPr().getNumPr();
                if (numPr != null) {
                    if (styleNumId == null && numPr.getNumId() != null) {
                        styleNumId = numPr.getNumId().getVal();
                    }
                    if (styleIlvl == null && numPr.getIlvl() != null) {
                        styleIlvl = numPr.getIlvl().getVal();
                    }
                }
                if (styleNumId != null) {
                    break;
                }
                id = style.getBasedOn() == null ? null : style.getBasedOn().getVal();
            }
        }
        BigInteger effectiveNum = numId != null ? numId : styleNumId;
        if (effectiveNum == null || effectiveNum.signum() == 0) {
            return Optional.empty(); // numId 0: numbering taken off this paragraph
        }
        Optional<Instance> instance = instances.computeIfAbsent(effectiveNum, this::instance);
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        Instance list = instance.get();
        int level;
        if (ilvl != null) {
            level = ilvl.intValue();
        } else if (styleIlvl != null) {
            level = styleIlvl.intValue();
        } else {
            // a level that names the style, or a style it is based on, is its level ("link level to style")
            level = chain.stream().filter(list.styleLevels()::containsKey).findFirst()
                    .map(list.styleLevels()::get).orElse(0);
        }
        if (level < 0 || level >= list.levels().size()) {
            return Optional.empty();
        }
        return Optional.of(new ListRef(list.key(), list.levels(), level, list.suffixes().get(level)));
    }

    private Optional<Instance> instance(BigInteger numId) {
        XWPFNum num = numbering.getNum(numId);
        if (num == null || num.getCTNum().getAbstractNumId() == null) {
            return Optional.empty();
        }
        BigInteger abstractId = num.getCTNum().getAbstractNumId().getVal();
        CTAbstractNum abstractNum = abstractNum(abstractId, 0);
        if (abstractNum == null) {
            return Optional.empty();
        }
        CTLvl[] lvls = new CTLvl[ListCounters.LEVELS];
        for (CTLvl lvl : abstractNum.getLvlList()) {
            int i = intAttr(lvl, "ilvl", -1);
            if (i >= 0 && i < lvls.length) {
                lvls[i] = lvl;
            }
        }
        Map<Integer, Integer> startOverrides = new HashMap<>();
        for (CTNumLvl override : num.getCTNum().getLvlOverrideList()) {
            int i = intAttr(override, "ilvl", -1);
            if (i < 0 || i >= lvls.length) {
                continue;
            }
            if (override.getLvl() != null) {
                lvls[i] = override.getLvl();
            }
            if (override.getStartOverride() != null) {
                startOverrides.put(i, intOf(override.getStartOverride(), 0));
            }
        }
        List<ListLevel> levels = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        Map<String, Integer> styleLevels = new HashMap<>();
        for (int i = 0; i < lvls.length; i++) {
            CTLvl lvl = lvls[i];
            ListLevel level = lvl == null ? ListLevel.of(i, 0, "decimal", null) : level(i, lvl);
            if (startOverrides.containsKey(i)) {
                level = level.withStart(startOverrides.get(i));
            }
            levels.add(level);
            String suffix = lvl == null ? null : val(lvl.getSuff());
            suffixes.add(suffix == null ? "tab" : suffix);
            String linkedStyle = lvl == null ? null : val(lvl.getPStyle());
            if (linkedStyle != null) {
                styleLevels.putIfAbsent(linkedStyle, i);
            }
        }
        // Instances of one abstract list share its counters (Word continues the numbering across
        // them) unless an instance restarts a level: then it counts on its own.
        Object key = startOverrides.isEmpty() && num.getCTNum().getLvlOverrideList().isEmpty()
                ? "abstract:" + abstractId : "num:" + numId;
        return Optional.of(new Instance(key, List.copyOf(levels), List.copyOf(suffixes), styleLevels));
    }

    /** The abstract list, through a numbering style's link when it defines none itself. */
    private CTAbstractNum abstractNum(BigInteger abstractId, int depth) {
        XWPFAbstractNum found = numbering.getAbstractNum(abstractId);
        if (found == null) {
            return null;
        }
        CTAbstractNum ct = found.getCTAbstractNum();
        if (ct.getLvlList().isEmpty() && ct.getNumStyleLink() != null && depth < 4) {
            CTStyle style = ctStyle(ct.getNumStyleLink().getVal());
            CTNumPr numPr = style == null || style.getPPr() == null ? null : style.getPPr().getNumPr();
            if (numPr != null && numPr.getNumId() != null) {
                XWPFNum linked = numbering.getNum(numPr.getNumId().getVal());
                if (linked != null && linked.getCTNum().getAbstractNumId() != null) {
                    return abstractNum(linked.getCTNum().getAbstractNumId().getVal(), depth + 1);
                }
            }
        }
        return ct;
    }

    /**
     * The level as written. Values are read from the markup, not through the schema's typed
     * getters, which throw on a value outside the schema (a format name Word does not know): such
     * a value counts as Word's default.
     */
    private static ListLevel level(int index, CTLvl lvl) {
        int start = lvl.getStart() == null ? 0 : intOf(lvl.getStart(), 0);
        String format = val(lvl.getNumFmt());
        String template = val(lvl.getLvlText());
        int restartBelow = lvl.getLvlRestart() == null ? index : Math.min(index, intOf(lvl.getLvlRestart(), index));
        boolean legal = Dom.on(lvl.getIsLgl() == null ? null : lvl.getIsLgl().getDomNode());
        return new ListLevel(start, format == null ? "decimal" : format, template, restartBelow, legal);
    }

    private static int intOf(XmlObject number, int otherwise) {
        return Dom.intVal(number.getDomNode(), otherwise);
    }

    private static String val(XmlObject element) {
        return element == null ? null : Dom.val(element.getDomNode());
    }

    private static int intAttr(XmlObject element, String name, int otherwise) {
        String v = Dom.attr(element.getDomNode(), DocxReader.W, name);
        try {
            return v == null ? otherwise : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private CTStyle ctStyle(String id) {
        if (styles == null || id == null) {
            return null;
        }
        XWPFStyle style = styles.getStyle(id);
        return style == null ? null : style.getCTStyle();
    }

    /** The style a paragraph without w:pStyle has: the paragraph style marked w:default. */
    private String defaultParagraphStyle() {
        if (defaultStyle == null) {
            defaultStyle = "";
            if (styles != null && styles.getCtStyles() != null) {
                for (CTStyle style : styles.getCtStyles().getStyleList()) {
                    if (style.isSetDefault() && POIXMLUnits.parseOnOff(style.xgetDefault())
                            && style.getType() == STStyleType.PARAGRAPH) {
                        defaultStyle = style.getStyleId();
                        break;
                    }
                }
            }
        }
        return defaultStyle.isEmpty() ? null : defaultStyle;
    }
}
