package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The limits on what one file may cost. The files themselves (empty, random, truncated, encrypted,
 * bombs, scans, odd encodings and names) are the corpus of {@link BadFiles}, run through the archive
 * by HostileFilesTest.
 */
class BadInputTest {
    private static void assertRejected(TikaExtractor with, byte[] bytes, String filename, String reason) {
        ExtractionException e = assertThrows(ExtractionException.class, () -> with.extract(bytes, filename));
        assertTrue(e.getMessage().contains(reason), "expected 「" + reason + "」 in: " + e.getMessage());
    }

    @Test
    void fileOverTheSizeLimit() {
        try (TikaExtractor small = new TikaExtractor(
                new ExtractionLimits(1024, Duration.ofSeconds(60), 5_000_000), new TextNormalizer())) {
            assertRejected(small, Fixtures.format("report.docx"), "report.docx", "超过上限");
            assertRejected(small, Fixtures.format("report.txt"), "report.txt", "1024 字节");
        }
    }

    @Test
    void parseOverTheTimeLimitFailsFast() {
        try (TikaExtractor hasty = new TikaExtractor(
                new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_BYTES, Duration.ofMillis(1), 5_000_000),
                new TextNormalizer())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertRejected(hasty, Fixtures.format("report.pdf"), "report.pdf", "超时"));
        }
    }
}
