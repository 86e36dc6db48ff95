package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.extract.ExtractedText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

/** A kept text comes back as extracted, deflated only when that pays, and a damaged one is refused. */
class StoredTextTest {
    @Test
    void proseIsDeflatedAndComesBackWhole() throws Exception {
        String prose = String.join("\n", AuditReports.PROBLEMS) + "\n" + String.join("\n", AuditReports.PROBLEMS);
        ExtractedText text = new ExtractedText(prose, "application/pdf", true, List.of("第3页无法识别。", "第7页超过识别页数上限。"));
        StoredText kept = StoredText.of(text);
        assertEquals(StoredText.DEFLATED, kept.encoding());
        assertTrue(kept.bytes().length < prose.getBytes(StandardCharsets.UTF_8).length * 0.9);
        assertEquals(text, kept.text());
    }

    @Test
    void aTextThatDoesNotShrinkIsKeptAsItIs() throws Exception {
        ExtractedText text = new ExtractedText("短", "text/plain");
        StoredText kept = StoredText.of(text);
        assertEquals(StoredText.PLAIN, kept.encoding());
        assertEquals(text, kept.text());
    }

    @Test
    void aDamagedTextIsRefusedNotGuessed() throws Exception {
        StoredText kept = StoredText.of(new ExtractedText(String.join("", AuditReports.PROBLEMS), "text/plain"));
        byte[] cut = java.util.Arrays.copyOf(kept.bytes(), kept.bytes().length / 2);
        assertThrows(DataFormatException.class,
                () -> new StoredText(kept.encoding(), cut, kept.mediaType(), kept.ocr(), kept.unreadable()).text());
    }
}
