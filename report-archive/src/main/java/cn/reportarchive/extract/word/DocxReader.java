package cn.reportarchive.extract.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.w3c.dom.Node;

/**
 * A .docx as Word shows its body: paragraphs, tables and content controls in reading order, each
 * list label rendered from numbering.xml ({@link DocxNumbering}, {@link ListCounters}). Only the
 * body is walked, so page headers and footers, footnotes, endnotes and comments (parts of their
 * own) never reach the text; text boxes, drawings and note references inside a run are passed
 * over, and so are the table of contents (a TOC field's result, a "Table of Contents" content
 * control, TOC-styled paragraphs) with the 目录 heading above it. A table of points becomes one
 * numbered paragraph per row ({@link PointTable}). POI opens the package (its zip and XML
 * defences are Tika's, which calls the same code); the walk reads the DOM POI keeps.
 */
final class DocxReader {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Nesting of content controls and tables deeper than any document a person writes. */
    static final int MAX_DEPTH = 64;

    /** The text, or empty when POI cannot open the package (a damaged file, for Tika to salvage or refuse). */
    Optional<String> read(byte[] bytes, int maxChars) throws IOException {
        XWPFDocument opened;
        try {
            opened = new XWPFDocument(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try (XWPFDocument doc = opened) {
            DocxNumbering numbering = new DocxNumbering(doc.getNumbering(), doc.getStyles());
            Lines lines = new Lines(maxChars);
            DocxBody body = new DocxBody(numbering, new TocStyles(doc.getStyles()));
            try {
                body.blocks(doc.getDocument().getBody().getDomNode(), lines::add);
                body.finish(lines::add);
            } catch (Lines.Full full) {
                // the character limit: the document as far as we keep it
            }
            return Optional.of(lines.text());
        }
    }

    /** The body walk: block-level content, tables, and the held 目录 heading. */
    static final class DocxBody {
        private final DocxNumbering numbering;
        private final TocStyles tocStyles;
        private final ListCounters counters = new ListCounters();
        private final DocxRuns runs = new DocxRuns();
        /** A paragraph reading 目录, held until we know whether a table of contents follows it. */
        private String heldHeading;

        DocxBody(DocxNumbering numbering, TocStyles tocStyles) {
            this.numbering = numbering;
            this.tocStyles = tocStyles;
        }

        void blocks(Node parent, Consumer<String> out) {
            blocks(parent, out, 0);
        }

        /** Content controls, custom XML and tables nest; past {@link #MAX_DEPTH} a file is hostile, not a report. */
        private void blocks(Node parent, Consumer<String> out, int depth) {
            if (depth > MAX_DEPTH) {
                return;
            }
            for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!W.equals(n.getNamespaceURI())) {
                    continue;
                }
                switch (n.getLocalName()) {
                    case "p" -> paragraph(n, out);
                    case "tbl" -> table(n, out, depth);
                    case "sdt" -> {
                        if (isTableOfContents(n)) {
                            heldHeading = null;
                        } else {
                            blocks(Dom.child(n, W, "sdtContent"), out, depth + 1);
                        }
                    }
                    case "customXml", "ins", "moveTo", "smartTag" -> blocks(n, out, depth + 1);
                    default -> {
                        // sectPr, bookmarks, deleted or moved-away content, proofing marks
                    }
                }
            }
        }

        void finish(Consumer<String> out) {
            if (heldHeading != null) {
                out.accept(heldHeading);
                heldHeading = null;
            }
        }

        private void paragraph(Node p, Consumer<String> out) {
            Node pPr = Dom.child(p, W, "pPr");
            String styleId = Dom.val(Dom.child(pPr, W, "pStyle"));
            DocxRuns.Text text = runs.text(p);
            if (tocStyles.isToc(styleId) || text.inTableOfContents() && text.text().isBlank()) {
                heldHeading = null;
                return;
            }
            Node numPr = Dom.child(pPr, W, "numPr");
            String label = "";
            Optional<DocxNumbering.ListRef> ref = numbering.resolve(Dom.bigVal(Dom.child(numPr, W, "numId")),
                    Dom.bigVal(Dom.child(numPr, W, "ilvl")), styleId);
            if (ref.isPresent()) {
                DocxNumbering.ListRef list = ref.get();
                label = counters.next(list.key(), list.levels(), list.level());
                // 一、 runs into its text as typed; a bare 1 or A keeps the space Word's tab shows
                if (!label.isEmpty() && !"nothing".equals(list.suffix())
                        && Character.isLetterOrDigit(label.charAt(label.length() - 1))) {
                    label += " ";
                }
            }
            emit(label + text.text(), out);
        }

        private void emit(String paragraph, Consumer<String> out) {
            if (paragraph.replaceAll("[\\s\\u3000]", "").equals("目录")) {
                finish(out);
                heldHeading = paragraph;
                return;
            }
            if (!paragraph.isBlank()) {
                finish(out);
            }
            for (String line : paragraph.split("\n", -1)) {
                out.accept(line);
            }
        }

        private void table(Node tbl, Consumer<String> out, int depth) {
            List<List<String>> rows = new ArrayList<>();
            List<List<List<String>>> cellLines = new ArrayList<>();
            List<String> above = new ArrayList<>();
            for (Node tr : Dom.children(tbl, W, "tr")) {
                List<String> row = new ArrayList<>();
                List<List<String>> lines = new ArrayList<>();
                List<String> byGridColumn = new ArrayList<>();
                for (Node tc : Dom.children(tr, W, "tc")) {
                    List<String> cell = new ArrayList<>();
                    blocks(tc, cell::add, depth + 1);
                    String joined = String.join("", cell).strip();
                    Node tcPr = Dom.child(tc, W, "tcPr");
                    Node vMerge = Dom.child(tcPr, W, "vMerge");
                    int column = byGridColumn.size();
                    if (vMerge != null && !"restart".equals(Dom.val(vMerge)) && joined.isEmpty() && column < above.size()) {
                        joined = above.get(column); // a cell merged with the one above shows its text
                    }
                    int span = Math.max(1, Math.min(64, Dom.intVal(Dom.child(tcPr, W, "gridSpan"), 1)));
                    for (int i = 0; i < span; i++) {
                        byGridColumn.add(joined);
                    }
                    row.add(joined);
                    lines.add(cell);
                }
                above = byGridColumn;
                rows.add(row);
                cellLines.add(lines);
            }
            PointTable.emit(rows, cellLines, line -> emit(line, out));
        }

        private static boolean isTableOfContents(Node sdt) {
            Node docPart = Dom.child(Dom.child(Dom.child(sdt, W, "sdtPr"), W, "docPartObj"), W, "docPartGallery");
            String gallery = Dom.val(docPart);
            return gallery != null && gallery.toLowerCase(java.util.Locale.ROOT).contains("table of contents");
        }
    }
}
