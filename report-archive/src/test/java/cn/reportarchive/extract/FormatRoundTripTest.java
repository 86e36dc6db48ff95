package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The same report saved in every supported format must come out as the same text. */
class FormatRoundTripTest {
    private static TikaExtractor extractor;
    private static ExtractedText reference;

    @BeforeAll
    static void extractReference() throws ExtractionException {
        extractor = Fixtures.defaultExtractor();
        reference = extractor.extract(Fixtures.format("report.txt"), "report.txt");
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void referenceTextKeepsOneParagraphPerLine() {
        assertEquals("text/plain", reference.mediaType());
        List<String> lines = reference.text().lines().toList();
        assertEquals("中共临江县财政局党组", lines.get(0));
        assertEquals("临江县财政局党组领导班子2024年度民主生活会对照检查材料", lines.get(1));
        assertTrue(lines.contains("（一）在带头强化政治忠诚、提高政治能力方面"), reference.text());
        assertTrue(lines.contains("2.对新时代党的建设总要求落实不够到位，推动模范机关创建的措施不多，机关党建示范引领作用发挥不明显。"),
                reference.text());
        assertEquals("2025年1月20日", lines.get(lines.size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "report.gbk.txt, text/plain",
            "report.docx,    application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "report.doc,     application/msword",
            // WPS Office saves Word 97 binary under the .wps name; Tika reports it by content.
            "report.wps,     application/msword",
            // Exported from a word processor: hard-wrapped lines that the normaliser must rejoin.
            "report.pdf,     application/pdf",
    })
    void sameTextAsThePlainTextCopy(String file, String mediaType) throws ExtractionException {
        ExtractedText extracted = extractor.extract(Fixtures.format(file), file);
        assertEquals(mediaType, extracted.mediaType());
        assertEquals(reference.text(), extracted.text());
    }

    @Test
    void typeIsTakenFromTheContentNotTheFileName() throws ExtractionException {
        ExtractedText docxNamedPdf = extractor.extract(Fixtures.format("report.docx"), "report.pdf");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxNamedPdf.mediaType());
        assertEquals(reference.text(), docxNamedPdf.text());

        ExtractedText pdfWithoutName = extractor.extract(Fixtures.format("report.pdf"), null);
        assertEquals("application/pdf", pdfWithoutName.mediaType());
        assertEquals(reference.text(), pdfWithoutName.text());
    }
}
