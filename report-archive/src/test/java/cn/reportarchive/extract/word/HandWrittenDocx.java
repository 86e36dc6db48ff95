package cn.reportarchive.extract.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A .docx package from hand-written parts: the body, numbering.xml and styles.xml as given. */
final class HandWrittenDocx {
    static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private HandWrittenDocx() {
    }

    static byte[] of(String body, String numbering, String styles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                    + "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
                    + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                    + "</Types>");
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                    + "</Relationships>");
            put(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>");
            put(zip, "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + W + "><w:body>" + body
                    + "</w:body></w:document>");
            put(zip, "word/numbering.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " + W + ">" + numbering
                    + "</w:numbering>");
            put(zip, "word/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " + W + ">" + styles + "</w:styles>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A w:lvl: level, format, start, template, and extra children (w:lvlRestart, w:isLgl, w:pStyle…). */
    static String lvl(int level, String format, int start, String template, String extra) {
        return "<w:lvl w:ilvl=\"" + level + "\"><w:start w:val=\"" + start + "\"/><w:numFmt w:val=\"" + format + "\"/>"
                + extra + "<w:lvlText w:val=\"" + template + "\"/><w:suff w:val=\"nothing\"/></w:lvl>";
    }

    static String paragraph(String numPr, String style, String text) {
        return "<w:p><w:pPr>" + (style == null ? "" : "<w:pStyle w:val=\"" + style + "\"/>") + (numPr == null ? "" : numPr)
                + "</w:pPr><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    static String numPr(int numId, int ilvl) {
        return "<w:numPr><w:ilvl w:val=\"" + ilvl + "\"/><w:numId w:val=\"" + numId + "\"/></w:numPr>";
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
