package cn.reportarchive.extract.word;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.tika.exception.EncryptedDocumentException;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * An OpenDocument text (.odt) as a word processor shows its body: content.xml's paragraphs,
 * headings, lists and tables in order, each list label rendered from its list style
 * ({@link OdfListStyles}) and the heading numbers from the outline style. Page headers and footers
 * live in styles.xml's master pages and are never read; notes, annotations, frames (text boxes,
 * images), tracked deletions and the table of contents are passed over.
 */
final class OdtReader {
    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    static final String STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    /** XML nested deeper than this is a hostile file, not a report. */
    private static final int MAX_DEPTH = 2000;
    /** Sections, tables and lists nested deeper than this are not walked. */
    private static final int MAX_NESTING = 64;

    private final ListCounters counters = new ListCounters();
    private OdfListStyles listStyles;
    private int lists;
    /** The last top-level list, which text:continue-numbering continues. */
    private OdfListKey previousList;
    private final Map<String, OdfListKey> listById = new HashMap<>();

    /** The text, or empty when the package has no readable content.xml (Tika's to describe). */
    Optional<String> read(byte[] bytes, int maxChars) throws Exception {
        Map<String, byte[]> parts;
        try {
            parts = parts(bytes);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        byte[] content = parts.get("content.xml");
        if (content == null) {
            return Optional.empty();
        }
        byte[] manifest = parts.get("META-INF/manifest.xml");
        if (manifest != null && new String(manifest, StandardCharsets.UTF_8).contains("encryption-data")) {
            throw new EncryptedDocumentException("encrypted OpenDocument package");
        }
        DocumentBuilder builder = builder();
        Document contentDoc = builder.parse(new ByteArrayInputStream(content));
        Document stylesDoc = parts.containsKey("styles.xml")
                ? builder.parse(new ByteArrayInputStream(parts.get("styles.xml"))) : null;
        listStyles = new OdfListStyles(contentDoc, stylesDoc);
        Lines lines = new Lines(maxChars);
        Node body = Dom.child(Dom.child(contentDoc.getDocumentElement(), OFFICE, "body"), OFFICE, "text");
        try {
            blocks(body, lines::add, 0);
        } catch (Lines.Full full) {
            // the character limit: the document as far as we keep it
        }
        return Optional.of(lines.text());
    }

    private static Map<String, byte[]> parts(byte[] bytes) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (name.equals("content.xml") || name.equals("styles.xml") || name.equals("META-INF/manifest.xml")) {
                    parts.put(name, zip.readAllBytes());
                }
            }
        }
        return parts;
    }

    private static DocumentBuilder builder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        factory.setXIncludeAware(false);
        factory.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", MAX_DEPTH);
        return factory.newDocumentBuilder();
    }

    private void blocks(Node parent, Consumer<String> out, int depth) {
        if (depth > MAX_NESTING) {
            return; // sections and tables nested past any written document: a hostile file
        }
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (TEXT.equals(n.getNamespaceURI())) {
                switch (n.getLocalName()) {
                    case "p" -> emit(OdfText.of(n), out);
                    case "h" -> heading(n, out);
                    case "list" -> list(n, null, 0, out, depth);
                    case "section" -> blocks(n, out, depth + 1);
                    default -> {
                        // table-of-content, indexes, tracked-changes, sequence declarations
                    }
                }
            } else if (TABLE.equals(n.getNamespaceURI()) && n.getLocalName().equals("table")) {
                table(n, out, depth);
            }
        }
    }

    private void heading(Node h, Consumer<String> out) {
        String label = "";
        int level = intAttr(h, TEXT, "outline-level", 1);
        if (!"true".equals(Dom.attr(h, TEXT, "is-list-header"))) {
            Optional<List<ListLevel>> outline = listStyles.outline();
            if (outline.isPresent()) {
                label = counters.next("outline", outline.get(), level - 1);
            }
        }
        emit(label + OdfText.of(h), out);
    }

    /** A text:list: its items numbered at {@code level}, nested lists one level deeper. */
    private void list(Node list, OdfListKey key, int level, Consumer<String> out, int depth) {
        String style = Dom.attr(list, TEXT, "style-name");
        OdfListKey listKey = key;
        String styleName = style;
        if (listKey == null) {
            String continues = Dom.attr(list, TEXT, "continue-list");
            if (continues != null && listById.containsKey(continues)) {
                listKey = listById.get(continues);
            } else if ("true".equals(Dom.attr(list, TEXT, "continue-numbering")) && previousList != null
                    && previousList.style() != null && previousList.style().equals(style)) {
                // continues the list just before it; LibreOffice restarts when that one has another style
                listKey = previousList;
            } else {
                listKey = new OdfListKey(style, ++lists);
            }
            previousList = listKey;
            String id = Dom.attr(list, "http://www.w3.org/XML/1998/namespace", "id");
            if (id != null) {
                listById.put(id, listKey);
            }
        } else {
            styleName = listKey.style();
        }
        List<ListLevel> levels = listStyles.list(styleName);
        for (Node item = list.getFirstChild(); item != null; item = item.getNextSibling()) {
            if (!TEXT.equals(item.getNamespaceURI())) {
                continue;
            }
            boolean header = item.getLocalName().equals("list-header");
            if (!header && !item.getLocalName().equals("list-item")) {
                continue;
            }
            String startValue = Dom.attr(item, TEXT, "start-value");
            boolean first = true;
            for (Node c = item.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (TEXT.equals(c.getNamespaceURI()) && (c.getLocalName().equals("p") || c.getLocalName().equals("h"))) {
                    String label = "";
                    if (first && !header) {
                        List<ListLevel> numbered = levels;
                        if (startValue != null) {
                            numbered = withStart(levels, level, parseInt(startValue, 1));
                            counters.restart(listKey, level);
                        }
                        label = counters.next(listKey, numbered, level);
                    }
                    first = false;
                    emit(label + OdfText.of(c), out);
                } else if (TEXT.equals(c.getNamespaceURI()) && c.getLocalName().equals("list") && depth < MAX_NESTING) {
                    list(c, listKey, level + 1, out, depth + 1);
                    first = false;
                }
            }
        }
    }

    private static List<ListLevel> withStart(List<ListLevel> levels, int level, int start) {
        List<ListLevel> copy = new ArrayList<>(levels);
        if (level < copy.size()) {
            copy.set(level, copy.get(level).withStart(start));
        }
        return copy;
    }

    private void table(Node table, Consumer<String> out, int depth) {
        List<List<String>> rows = new ArrayList<>();
        List<List<List<String>>> cellLines = new ArrayList<>();
        for (Node row : OdfText.rows(table)) {
            List<String> cells = new ArrayList<>();
            List<List<String>> lines = new ArrayList<>();
            for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
                if (!TABLE.equals(cell.getNamespaceURI())) {
                    continue;
                }
                if (cell.getLocalName().equals("table-cell") || cell.getLocalName().equals("covered-table-cell")) {
                    List<String> cellText = new ArrayList<>();
                    blocks(cell, cellText::add, depth + 1);
                    cells.add(String.join("", cellText).strip());
                    lines.add(cellText);
                }
            }
            rows.add(cells);
            cellLines.add(lines);
        }
        PointTable.emit(rows, cellLines, out);
    }

    private static void emit(String paragraph, Consumer<String> out) {
        for (String line : paragraph.split("\n", -1)) {
            out.accept(line);
        }
    }

    static int intAttr(Node node, String ns, String local, int otherwise) {
        String v = Dom.attr(node, ns, local);
        return v == null ? otherwise : parseInt(v, otherwise);
    }

    private static int parseInt(String v, int otherwise) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** One list's counters: a list, or the lists that continue it. */
    private record OdfListKey(String style, int n) {
    }
}
