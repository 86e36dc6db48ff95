package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExtractionLimitsTest {
    private static TikaExtractor extractorWith(long maxBytes, int maxChars) {
        return new TikaExtractor(new ExtractionLimits(maxBytes, Duration.ofSeconds(60), maxChars), new TextNormalizer());
    }

    @Test
    void sizeLabelIsInMegabytesOrBytes() {
        assertEquals("50 MB", ExtractionLimits.defaults().maxSizeLabel());
        assertEquals("1024 字节", new ExtractionLimits(1024, Duration.ofSeconds(1), 100).maxSizeLabel());
    }

    @Test
    void aFileOfExactlyTheMaximumSizeIsAccepted() throws ExtractionException {
        byte[] bytes = "一、存在的问题".getBytes(StandardCharsets.UTF_8);
        try (TikaExtractor extractor = extractorWith(bytes.length, 1000)) {
            assertEquals("一、存在的问题", extractor.extract(bytes, "a.txt").text());
        }
    }

    @Test
    void officeTextIsCutAtTheCharacterLimit() throws ExtractionException {
        try (TikaExtractor extractor = extractorWith(ExtractionLimits.DEFAULT_MAX_BYTES, 200)) {
            String text = extractor.extract(Fixtures.format("report.docx"), "report.docx").text();
            assertTrue(text.length() <= 200, "length " + text.length());
            assertTrue(text.startsWith("中共临江县财政局党组\n临江县财政局党组领导班子2024年度民主生活会对照检查材料"), text);
        }
    }

    @Test
    void plainTextIsCutAtTheCharacterLimitToo() throws ExtractionException {
        try (TikaExtractor extractor = extractorWith(ExtractionLimits.DEFAULT_MAX_BYTES, 200)) {
            String text = extractor.extract(Fixtures.format("report.txt"), "report.txt").text();
            assertTrue(text.length() <= 200, "length " + text.length());
        }
    }
}
