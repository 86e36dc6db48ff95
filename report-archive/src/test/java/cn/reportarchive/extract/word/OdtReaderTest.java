package cn.reportarchive.extract.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.tika.exception.EncryptedDocumentException;
import org.junit.jupiter.api.Test;

/** The .odt reader on hand-written content.xml and styles.xml. */
class OdtReaderTest {
    private static final String NS = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
            + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"";

    private static final String STYLES = "<text:list-style style:name=\"L1\">"
            + "<text:list-level-style-number text:level=\"1\" style:num-prefix=\"（\" style:num-suffix=\"）\" style:num-format=\"一, 二, 三, ...\"/>"
            + "<text:list-level-style-number text:level=\"2\" style:num-suffix=\".\" style:num-format=\"1\" text:display-levels=\"2\"/>"
            + "</text:list-style>"
            + "<text:list-style style:name=\"L2\"><text:list-level-style-number text:level=\"1\" style:num-format=\"①, ②, ③, ...\""
            + " text:start-value=\"2\"/></text:list-style>"
            + "<text:list-style style:name=\"B\"><text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\"/></text:list-style>";

    private static List<String> read(String body) throws Exception {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + NS + "><office:automatic-styles>"
                + STYLES + "</office:automatic-styles><office:body><office:text>" + body
                + "</office:text></office:body></office:document-content>";
        String text = new OdtReader().read(zip(content, null), 5_000_000).orElseThrow();
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void nestedListsDisplayLevelsStartValuesAndHeaders() throws Exception {
        String body = "<text:list text:style-name=\"L1\">"
                + "<text:list-header><text:p>不编号的说明</text:p></text:list-header>"
                + "<text:list-item><text:p>理论学习方面</text:p><text:list><text:list-item><text:p>学得不深</text:p></text:list-item>"
                + "<text:list-item><text:p>用得不够</text:p></text:list-item></text:list></text:list-item>"
                + "<text:list-item><text:p>工作作风方面</text:p><text:p>同一项的第二段</text:p></text:list-item>"
                + "<text:list-item text:start-value=\"5\"><text:p>从五起</text:p></text:list-item>"
                + "</text:list>"
                + "<text:list text:style-name=\"L2\"><text:list-item><text:p>第二个列表</text:p></text:list-item></text:list>"
                + "<text:list text:style-name=\"B\"><text:list-item><text:p>圆点</text:p></text:list-item></text:list>";
        assertEquals(List.of("不编号的说明", "（一）理论学习方面", "一.1.学得不深", "一.2.用得不够", "（二）工作作风方面", "同一项的第二段",
                "（五）从五起", "②第二个列表", "圆点"), read(body));
    }

    @Test
    void listsRestartUnlessTheyContinue() throws Exception {
        String item = "<text:list-item><text:p>点</text:p></text:list-item>";
        String body = "<text:list xml:id=\"a\" text:style-name=\"L2\">" + item + item + "</text:list><text:p>插入段落</text:p>"
                + "<text:list text:style-name=\"L2\">" + item + "</text:list>"
                + "<text:list text:style-name=\"L2\" text:continue-numbering=\"true\">" + item + "</text:list>"
                + "<text:list text:style-name=\"L2\" text:continue-list=\"a\">" + item + "</text:list>";
        assertEquals(List.of("②点", "③点", "插入段落", "②点", "③点", "④点"), read(body));
    }

    @Test
    void notesFramesAnnotationsAndTheTableOfContentsStayOut() throws Exception {
        String body = "<text:table-of-content><text:index-body><text:p>一、存在的问题\t2</text:p></text:index-body></text:table-of-content>"
                + "<text:p>正文<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>脚注</text:p></text:note-body>"
                + "</text:note>有<text:s text:c=\"2\"/>空格<draw:frame><draw:text-box><text:p>文本框</text:p></draw:text-box></draw:frame>"
                + "<office:annotation><text:p>批注</text:p></office:annotation><text:line-break/>换行</text:p>"
                + "<text:section><text:h text:outline-level=\"1\">节中标题</text:h></text:section>";
        assertEquals(List.of("正文有  空格", "换行", "节中标题"), read(body));
    }

    @Test
    void aTableOfPointsWithCoveredCells() throws Exception {
        String body = "<table:table><table:table-header-rows>" + row("序号", "问题", "责任人") + "</table:table-header-rows>"
                + row("1", "学习不深", "王林") + row("2", "调研不实", null) + "</table:table>";
        assertEquals(List.of("1.学习不深；责任人：王林。", "2.调研不实。"), read(body));
    }

    @Test
    void sectionsNestedPastAnyWrittenDocumentAreNotWalked() throws Exception {
        String body = "<text:p>正文</text:p>" + "<text:section>".repeat(1000) + "<text:p>深处</text:p>" + "</text:section>".repeat(1000);
        assertEquals(List.of("正文"), read(body));
    }

    @Test
    void anEncryptedPackageIsRefusedAsEncrypted() {
        String manifest = "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
                + "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry>"
                + "</manifest:manifest>";
        assertThrows(EncryptedDocumentException.class, () -> new OdtReader().read(zip("garbled", manifest), 1000));
    }

    @Test
    void aPackageWithoutContentIsLeftToTika() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(java.util.Optional.empty(), new OdtReader().read(bytes.toByteArray(), 1000));
    }

    private static String row(String... cells) {
        StringBuilder row = new StringBuilder("<table:table-row>");
        for (String c : cells) {
            row.append(c == null ? "<table:covered-table-cell/>"
                    : "<table:table-cell><text:p>" + c + "</text:p></table:table-cell>");
        }
        return row.append("</table:table-row>").toString();
    }

    private static byte[] zip(String content, String manifest) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            if (manifest != null) {
                zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
                zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
