package cn.reportarchive.generate;

import cn.reportarchive.parse.SectionType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a planned report into paragraphs as an author types them: header, preface, 一、 sections,
 * （一） blocks with their headings ending or running into the text, points on their own lines or
 * inline, closing. While doing so it gives every item its ref (TYPE/B/I, blocks counted through
 * the sections of a type) and the text the parser will return for it.
 */
public final class Layout {
    /** What a paragraph is, for writers that format (bold headings, centred title, right-aligned signature). */
    public enum Kind {
        UNIT, TITLE, AUTHOR, BODY, SECTION, BLOCK, SIGNATURE
    }

    /**
     * One paragraph; {@code head} characters at its start are a heading run into the text;
     * {@code ref} names the block whose heading stands alone in a BLOCK paragraph.
     */
    public record Para(String text, Kind kind, int head, String ref) {
        Para(String text, Kind kind, int head) {
            this(text, kind, head, null);
        }

        static Para body(String text) {
            return new Para(text, Kind.BODY, 0);
        }
    }

    private Layout() {
    }

    public static List<Para> lay(GenReport rep, Rng r) {
        List<Para> out = new ArrayList<>();
        for (int i = 0; i < rep.header.size(); i++) {
            String line = rep.header.get(i);
            Kind kind = line.equals(rep.title) ? Kind.TITLE : i < rep.header.indexOf(rep.title) ? Kind.UNIT : Kind.AUTHOR;
            out.add(new Para(line, kind, 0));
        }
        for (String p : rep.preface) {
            out.add(Para.body(p));
        }
        Map<SectionType, Integer> blockNo = new EnumMap<>(SectionType.class);
        boolean dotSections = r.chance(0.03);
        boolean halfWidth = r.chance(0.03);
        int sectionNo = 0;
        for (GenSection s : rep.sections) {
            sectionNo++;
            out.add(new Para(ItemStyle.chinese(sectionNo) + (dotSections ? "．" : "、") + s.heading, Kind.SECTION, 0));
            if (!s.intro.isEmpty()) {
                out.add(Para.body(s.intro));
            }
            int blockInSection = 0;
            for (GenBlock b : s.blocks) {
                int n = blockNo.merge(s.type, 1, Integer::sum);
                blockInSection++;
                String refBase = s.type.key() + "/" + n;
                if (b.heading != null) {
                    headed(out, b, ItemStyle.blockMarker(blockInSection, halfWidth), refBase, r);
                } else {
                    plain(out, b, refBase);
                }
            }
        }
        for (GenItem item : allItems(rep)) {
            item.year = rep.year;
        }
        for (String c : rep.closing) {
            boolean signature = c.length() <= 24 && !c.endsWith("。");
            out.add(signature ? new Para(c, Kind.SIGNATURE, 0) : Para.body(c));
        }
        return out;
    }

    private static List<GenItem> allItems(GenReport rep) {
        List<GenItem> all = new ArrayList<>();
        for (GenSection s : rep.sections) {
            for (GenBlock b : s.blocks) {
                all.addAll(b.items);
            }
        }
        return all;
    }

    private static void headed(List<Para> out, GenBlock b, String marker, String refBase, Rng r) {
        String end = ending(b.heading, b.runIn, r);
        String first = marker + b.heading + end;
        // a heading that does not end in 方面 runs into the text only after a stop
        boolean runIn = b.runIn && (!end.isEmpty() || b.heading.endsWith("方面"));
        b.headEnd = end;
        List<String> paras = new ArrayList<>();
        if (!b.paragraphs.isEmpty()) {
            // prose (causes): the block's intro
            paras.addAll(b.paragraphs);
            if (!b.items.isEmpty()) {
                paras.add(inlineRun(b, refBase));
            }
        } else if (b.prose) {
            GenItem only = b.items.get(0);
            String text = b.intro + only.body + "。";
            only.ref = refBase;
            only.text = text;
            paras.add(text);
        } else if (b.style.inline()) {
            if (b.onePara) {
                paras.add(b.intro + inlineRun(b, refBase));
            } else {
                if (!b.intro.isEmpty()) {
                    paras.add(b.intro);
                }
                paras.addAll(inlineEach(b, refBase));
            }
        } else {
            if (!b.intro.isEmpty()) {
                paras.add(b.intro);
            }
            paras.addAll(lineItems(b, refBase));
        }
        boolean lineItemFirst = !b.style.inline() && b.intro.isEmpty() && b.paragraphs.isEmpty() && !b.prose;
        if (runIn && !paras.isEmpty() && !lineItemFirst) {
            out.add(new Para(first + paras.get(0), Kind.BODY, first.length()));
            paras.remove(0);
            b.ranIn = true;
        } else {
            out.add(new Para(first, Kind.BLOCK, first.length(), refBase));
            b.ranIn = false;
        }
        for (String p : paras) {
            out.add(Para.body(p));
        }
    }

    private static String ending(String heading, boolean runIn, Rng r) {
        if (heading.endsWith("方面")) {
            return switch (runIn ? r.weighted(15, 60, 25) : r.weighted(55, 35, 10)) {
                case 0 -> "";
                case 1 -> "。";
                default -> "：";
            };
        }
        return runIn ? (r.chance(0.8) ? "。" : "：") : (r.chance(0.6) ? "" : "。");
    }

    private static void plain(List<Para> out, GenBlock b, String refBase) {
        if (!b.paragraphs.isEmpty()) {
            for (String p : b.paragraphs) {
                out.add(Para.body(p));
            }
            return;
        }
        if (b.style.inline()) {
            if (b.onePara) {
                out.add(Para.body(b.intro + inlineRun(b, refBase)));
            } else {
                if (!b.intro.isEmpty()) {
                    out.add(Para.body(b.intro));
                }
                for (String p : inlineEach(b, refBase)) {
                    out.add(Para.body(p));
                }
            }
        } else {
            if (!b.intro.isEmpty()) {
                out.add(Para.body(b.intro));
            }
            for (String p : lineItems(b, refBase)) {
                out.add(Para.body(p));
            }
        }
    }

    private static List<String> lineItems(GenBlock b, String refBase) {
        List<String> paras = new ArrayList<>();
        for (int i = 0; i < b.items.size(); i++) {
            GenItem item = b.items.get(i);
            String text = b.style.marker(i + 1) + item.body + "。";
            item.ref = refBase + "/" + (i + 1);
            item.text = text;
            paras.add(text);
        }
        return paras;
    }

    private static List<String> inlineEach(GenBlock b, String refBase) {
        List<String> paras = new ArrayList<>();
        for (int i = 0; i < b.items.size(); i++) {
            paras.add(inlineItem(b, i, refBase));
        }
        return paras;
    }

    private static String inlineRun(GenBlock b, String refBase) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.items.size(); i++) {
            s.append(inlineItem(b, i, refBase));
        }
        return s.toString();
    }

    private static String inlineItem(GenBlock b, int i, String refBase) {
        GenItem item = b.items.get(i);
        boolean last = i == b.items.size() - 1;
        String text = ItemStyle.INLINE.marker(i + 1) + item.body + (b.semicolons && !last ? "；" : "。");
        item.ref = refBase + "/" + (i + 1);
        item.text = text;
        return text;
    }
}
