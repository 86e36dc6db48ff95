package cn.reportarchive.extract.word;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Node;

/**
 * The text of an ODF paragraph or heading as displayed: spans and links looked through, text:s
 * and text:tab as blanks, text:line-break as a line break; notes (footnotes, endnotes),
 * annotations, frames (text boxes, images) and deletion marks left out.
 */
final class OdfText {
    private static final String TEXT = OdtReader.TEXT;
    private static final int MAX_SPACES = 1000;

    private OdfText() {
    }

    static String of(Node paragraph) {
        StringBuilder text = new StringBuilder();
        append(paragraph, text, 0);
        return text.toString();
    }

    private static void append(Node parent, StringBuilder text, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
                continue;
            }
            if (!TEXT.equals(n.getNamespaceURI())) {
                continue; // draw:frame (text boxes, images), office:annotation, foreign markup
            }
            switch (n.getLocalName()) {
                case "s" -> text.append(" ".repeat(Math.min(MAX_SPACES, Math.max(1, OdtReader.intAttr(n, TEXT, "c", 1)))));
                case "tab" -> text.append('\t');
                case "line-break" -> text.append('\n');
                case "note", "bookmark", "bookmark-start", "bookmark-end", "change", "change-start", "change-end",
                        "soft-page-break", "reference-mark-start", "reference-mark-end", "alphabetical-index-mark",
                        "toc-mark", "user-index-mark" -> {
                    // not part of the running text
                }
                default -> {
                    if (depth < 64) {
                        append(n, text, depth + 1); // span, a, meta, fields (their shown value)
                    }
                }
            }
        }
    }

    /** A table's rows, through header-row and row groups. */
    static List<Node> rows(Node table) {
        List<Node> rows = new ArrayList<>();
        collectRows(table, rows, 0);
        return rows;
    }

    private static void collectRows(Node parent, List<Node> rows, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!OdtReader.TABLE.equals(n.getNamespaceURI())) {
                continue;
            }
            switch (n.getLocalName()) {
                case "table-row" -> rows.add(n);
                case "table-header-rows", "table-rows", "table-row-group" -> {
                    if (depth < 8) {
                        collectRows(n, rows, depth + 1);
                    }
                }
                default -> {
                }
            }
        }
    }
}
