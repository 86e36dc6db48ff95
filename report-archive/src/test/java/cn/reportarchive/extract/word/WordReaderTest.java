package cn.reportarchive.extract.word;

import static cn.reportarchive.extract.word.HandWrittenDocx.paragraph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the Word reader leaves to Tika. */
class WordReaderTest {
    private static final String DOCX = WordNumberingRoundTripTest.DOCX;

    /** A style whose numId is not a number: POI opens the file, its typed getter throws during the walk. */
    private static byte[] unwalkable() {
        String styles = "<w:style w:type=\"paragraph\" w:styleId=\"H\"><w:name w:val=\"h\"/>"
                + "<w:pPr><w:numPr><w:numId w:val=\"abc\"/></w:numPr></w:pPr></w:style>";
        String numbering = "<w:abstractNum w:abstractNumId=\"1\"/><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/></w:num>";
        return HandWrittenDocx.of(paragraph(null, "H", "一、存在的问题") + paragraph(null, null, "学习不够深入。"), numbering, styles);
    }

    @Test
    void aFileTheWalkTripsOverIsLeftToTikaAndStillImports() throws Exception {
        assertEquals(Optional.empty(), new WordReader(5_000_000).read(unwalkable(), DOCX));
        try (TikaExtractor extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer())) {
            String text = extractor.extract(unwalkable(), "report.docx").text();
            assertTrue(text.contains("一、存在的问题") && text.contains("学习不够深入。"), text);
        }
    }

    @Test
    void onlyWordProcessorFormatsAreRead() {
        assertTrue(WordReader.reads(DOCX));
        assertTrue(WordReader.reads("application/msword"));
        assertTrue(WordReader.reads("application/vnd.oasis.opendocument.text"));
        assertTrue(!WordReader.reads("application/pdf") && !WordReader.reads("application/rtf")
                && !WordReader.reads("application/vnd.ms-works"));
    }
}
