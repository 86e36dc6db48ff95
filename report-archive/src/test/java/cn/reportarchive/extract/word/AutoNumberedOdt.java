package cn.reportarchive.extract.word;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A typed report rebuilt as an OpenDocument text with the format's own numbering: sections and
 * blocks as headings (text:h, outline levels 1 and 2) numbered by the outline style in
 * styles.xml (一、 and （一） from LibreOffice's Chinese sample format), points as text:list
 * items numbered by list styles (1. / 1、, （1）, ①), a new list per run of points under one
 * parent and text:continue-list (ODF 1.2) where a run resumes after deeper points. A page header and
 * footer in the master page, a footnote and a frame with a text box come along.
 */
final class AutoNumberedOdt {
    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
            + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
            + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" office:version=\"1.3\"";

    private final Map<String, String> listStyles = new LinkedHashMap<>();

    byte[] build(String typed) {
        List<TypedReport.Paragraph> paragraphs = TypedReport.paragraphs(typed);
        StringBuilder body = new StringBuilder();
        int[] lastRun = new int[TypedReport.LEVELS];
        String[] lastId = new String[TypedReport.LEVELS];
        int lists = 0;
        String openList = null;
        int openLevel = -1;
        boolean noted = false;
        boolean framed = false;
        for (TypedReport.Paragraph p : paragraphs) {
            // headings numbered by the outline style where it shows the typed marker; any other form, a list
            boolean item = p.numbered() && (p.level() >= 2 || !p.template().equals(p.level() == 0 ? "%1、" : "（%2）"));
            if (openList != null && (!item || !styleOf(p).equals(openList) || p.level() != openLevel)) {
                body.append("</text:list>");
                openList = null;
            }
            if (p.typed().isEmpty()) {
                continue;
            }
            String text = escape(p.text());
            if (!noted && item) {
                text += "<text:note text:id=\"n1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
                        + "<text:note-body><text:p>注：数据来源于年度工作台账。</text:p></text:note-body></text:note>";
                noted = true;
            }
            if (!framed && !p.numbered() && p.text().length() > 60) {
                text += "<draw:frame draw:name=\"box\" svg:width=\"4cm\" svg:height=\"1cm\"><draw:text-box>"
                        + "<text:p>文本框：会场座次安排</text:p></draw:text-box></draw:frame>";
                framed = true;
            }
            if (!p.numbered()) {
                body.append("<text:p>").append(text).append("</text:p>");
            } else if (!item) {
                body.append("<text:h text:outline-level=\"").append(p.level() + 1).append("\">").append(text)
                        .append("</text:h>");
            } else {
                if (openList == null) {
                    String style = styleOf(p);
                    // the same run of points resumes after deeper ones: the list continues the one it resumes
                    boolean resumes = lastRun[p.level()] == p.run();
                    String id = "list" + (++lists);
                    body.append("<text:list xml:id=\"").append(id).append("\" text:style-name=\"").append(style).append("\"")
                            .append(resumes ? " text:continue-list=\"" + lastId[p.level()] + "\"" : "").append(">");
                    lastId[p.level()] = id;
                    openList = style;
                    openLevel = p.level();
                    lastRun[p.level()] = p.run();
                }
                body.append("<text:list-item><text:p>").append(text).append("</text:p></text:list-item>");
            }
        }
        if (openList != null) {
            body.append("</text:list>");
        }
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + NS + ">"
                + "<office:automatic-styles>" + String.join("", listStyles.values()) + "</office:automatic-styles>"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>";
        return zip(content, styles(paragraphs.get(0).typed()));
    }

    /** A list style per point template, the format and its punctuation taken from the template. */
    private String styleOf(TypedReport.Paragraph p) {
        String template = p.template();
        if (!listStyles.containsKey(template)) {
            define(template, p.level());
        }
        return name(template);
    }

    private void define(String template, int level) {
        String name = name(template);
        int at = template.indexOf('%');
        String prefix = template.substring(0, at);
        String suffix = template.substring(at + 2);
        String format = level == 4 ? "①, ②, ③, ..." : level < 2 ? "一, 二, 三, ..." : "1";
        listStyles.put(template, "<text:list-style style:name=\"" + name + "\"><text:list-level-style-number text:level=\"1\""
                + " style:num-prefix=\"" + prefix + "\" style:num-suffix=\"" + suffix + "\" style:num-format=\"" + format
                + "\"/></text:list-style>");
    }

    private static String name(String template) {
        return "L" + Integer.toHexString(template.hashCode());
    }

    private static String styles(String unit) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-styles " + NS + "><office:styles>"
                + "<text:outline-style style:name=\"Outline\">"
                + "<text:outline-level-style text:level=\"1\" style:num-suffix=\"、\" style:num-format=\"一, 二, 三, ...\"/>"
                + "<text:outline-level-style text:level=\"2\" style:num-prefix=\"（\" style:num-suffix=\"）\""
                + " style:num-format=\"一, 二, 三, ...\"/>"
                + "<text:outline-level-style text:level=\"3\" style:num-format=\"\"/>"
                + "</text:outline-style></office:styles>"
                + "<office:master-styles><style:master-page style:name=\"Standard\">"
                + "<style:header><text:p>内部资料　" + escape(unit) + "</text:p></style:header>"
                + "<style:footer><text:p>第<text:page-number>1</text:page-number>页 共<text:page-count>3</text:page-count>页</text:p>"
                + "</style:footer></style:master-page></office:master-styles></office:document-styles>";
    }

    private static byte[] zip(String content, String styles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            put(zip, "content.xml", content);
            put(zip, "styles.xml", styles);
            put(zip, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                    + "<manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
                    + "</manifest:manifest>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
