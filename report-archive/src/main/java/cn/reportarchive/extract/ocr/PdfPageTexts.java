package cn.reportarchive.extract.ocr;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text of each page as Tika's PDF parser gives it: it opens every page with
 * {@code <div class="page">}. Fed the body only (wrapped in a BodyContentHandler), the pages joined
 * are the same text the archive reads from a PDF without OCR.
 */
public final class PdfPageTexts extends DefaultHandler {
    private final List<StringBuilder> pages = new ArrayList<>();
    private StringBuilder current;
    private int depth;
    private int pageDepth = -1;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        depth++;
        if ("div".equals(localName) && "page".equals(atts.getValue("class")) && pageDepth < 0) {
            current = new StringBuilder();
            pages.add(current);
            pageDepth = depth;
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (depth == pageDepth) {
            pageDepth = -1;
        }
        depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (current == null) { // text before the first page (none in Tika's PDFs, but kept if it comes)
            current = new StringBuilder();
            pages.add(current);
        }
        current.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    public List<String> pages() {
        return pages.stream().map(StringBuilder::toString).toList();
    }
}
