package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one list of formats: what it accepts by name, and how the command line and the pages are told it. */
class DocumentFormatsTest {
    @Test
    void acceptsTheFormatsInAnyCaseAndNothingElse() {
        for (String name : new String[] {"材料.docx", "材料.DOC", "扫描件.Pdf", "a.b.wps", "照片.JPEG", "x.tif", "报告.txt"}) {
            assertTrue(DocumentFormats.accepted(name), name);
        }
        for (String name : new String[] {"表格.xlsx", "docx", "材料.docx.bak", "无扩展名", "材料.", "演示.pptx"}) {
            assertFalse(DocumentFormats.accepted(name), name);
        }
    }

    @Test
    void theSentenceAndThePickerNameEveryFormat() {
        String listed = DocumentFormats.listed();
        String accept = DocumentFormats.accept();
        assertTrue(listed.startsWith(".docx .doc .wps .pdf"), listed);
        for (String e : DocumentFormats.EXTENSIONS) {
            assertTrue((" " + listed + " ").contains(" ." + e + " "), e);
            assertTrue(("," + accept + ",").contains(",." + e + ","), e);
        }
        assertTrue(accept.endsWith(",image/tiff"), accept);
        assertEquals(DocumentFormats.EXTENSIONS.size() + DocumentFormats.MEDIA_TYPES.size(), accept.split(",").length);
    }
}
