package cn.reportarchive.extract.word;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.w3c.dom.Node;

/**
 * A paragraph's text as Word displays it: the runs in order through hyperlinks, smart tags,
 * inline content controls and tracked insertions, with field results but not field codes, and
 * without what is not part of the running text: deleted text, hidden text (w:vanish), text boxes
 * and drawings (w:drawing, w:pict, mc:AlternateContent), embedded objects and note or comment
 * references. Complex fields may span paragraphs (a table of contents is one TOC field over all
 * its entries), so the field state outlives a paragraph.
 */
final class DocxRuns {
    private static final String W = DocxReader.W;
    /** Deeper nesting of fields than this is a broken file; further begins are not tracked. */
    private static final int MAX_FIELDS = 64;

    /** The text, and whether any of it was the result of a TOC field (and so dropped). */
    record Text(String text, boolean inTableOfContents) {
    }

    private static final class Field {
        final StringBuilder code = new StringBuilder();
        boolean separated;

        boolean isTableOfContents() {
            return code.toString().strip().toUpperCase(Locale.ROOT).startsWith("TOC");
        }
    }

    private final Deque<Field> fields = new ArrayDeque<>();
    private int untracked;
    private boolean tocSeen;

    Text text(Node paragraph) {
        StringBuilder text = new StringBuilder();
        tocSeen = inTableOfContents();
        inline(paragraph, text, 0);
        return new Text(text.toString(), tocSeen);
    }

    private void inline(Node parent, StringBuilder text, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!W.equals(n.getNamespaceURI())) {
                continue; // mc:AlternateContent (text boxes, shapes), math, foreign markup
            }
            switch (n.getLocalName()) {
                case "r" -> run(n, text);
                case "hyperlink", "smartTag", "customXml", "ins", "moveTo", "fldSimple", "dir", "bdo" -> {
                    if (depth < 16) {
                        inline(n, text, depth + 1);
                    }
                }
                case "sdt" -> {
                    Node content = Dom.child(n, W, "sdtContent");
                    if (content != null && depth < 16) {
                        inline(content, text, depth + 1);
                    }
                }
                default -> {
                    // pPr, w:del, w:moveFrom, bookmarks, comment ranges, proofing marks
                }
            }
        }
    }

    private void run(Node r, StringBuilder text) {
        boolean hidden = Dom.on(Dom.child(Dom.child(r, W, "rPr"), W, "vanish"));
        for (Node c = r.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!W.equals(c.getNamespaceURI())) {
                continue;
            }
            switch (c.getLocalName()) {
                case "t" -> append(text, Dom.text(c), hidden);
                case "tab", "ptab" -> append(text, "\t", hidden);
                case "br", "cr" -> append(text, "\n", hidden);
                case "noBreakHyphen" -> append(text, "-", hidden);
                case "fldChar" -> fieldChar(Dom.attr(c, W, "fldCharType"));
                case "instrText" -> {
                    if (!fields.isEmpty() && untracked == 0) {
                        fields.peek().code.append(Dom.text(c));
                    }
                }
                default -> {
                    // drawing, pict, object, footnoteReference, endnoteReference, commentReference, sym…
                }
            }
        }
    }

    private void append(StringBuilder text, String s, boolean hidden) {
        if (inTableOfContents()) {
            tocSeen = true;
            return;
        }
        if (!hidden) {
            text.append(s);
        }
    }

    private void fieldChar(String type) {
        if ("begin".equals(type)) {
            if (fields.size() < MAX_FIELDS && untracked == 0) {
                fields.push(new Field());
            } else {
                untracked++;
            }
        } else if ("separate".equals(type)) {
            if (!fields.isEmpty() && untracked == 0) {
                fields.peek().separated = true;
            }
        } else if ("end".equals(type)) {
            if (untracked > 0) {
                untracked--;
            } else if (!fields.isEmpty()) {
                fields.pop();
            }
        }
    }

    private boolean inTableOfContents() {
        for (Field f : fields) {
            if (f.separated && f.isTableOfContents()) {
                return true;
            }
        }
        return false;
    }
}
