package cn.reportarchive.extract.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Block;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.parse.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Word 97 binary files whose list structures a real writer made: LibreOffice saved the
 * auto-numbered .docx of {@link AutoNumberedDocx} as .doc (src/test/resources/word/README.md).
 * Read through HWPF's list tables they must give the typed report.
 */
class WordDocFixturesTest {
    private static final ReportParser PARSER = new ReportParser(AspectTaxonomy.defaults());
    private static TikaExtractor extractor;

    @BeforeAll
    static void open() {
        extractor = new TikaExtractor(ExtractionLimits.defaults(), new TextNormalizer());
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    static List<String> reports() {
        return WordNumberingRoundTripTest.REPORTS.stream().map(r -> r.replace(".txt", "")).toList();
    }

    /** One multilevel list on the paragraphs: the .doc gives the typed report exactly, under .doc and .wps. */
    @ParameterizedTest
    @MethodSource("reports")
    void multilevelListGivesTheTypedReport(String report) throws ExtractionException {
        Report typed = PARSER.parse(extractor.extract(
                WordNumberingRoundTripTest.resource(report + ".txt").getBytes(StandardCharsets.UTF_8), report + ".txt").text());
        byte[] doc = doc(report + ".direct.doc");
        for (String name : new String[] {report + ".doc", report + ".wps"}) {
            ExtractedText extracted = extractor.extract(doc, name);
            assertEquals("application/msword", extracted.mediaType());
            assertEquals(typed, PARSER.parse(extracted.text()), name);
        }
    }

    /**
     * Headings numbered through styles, items through list instances restarted per block, with page
     * furniture: LibreOffice writes each restarted instance's first point into a list of its own, so
     * that it shows the second point as 1. again (LibreOffice reads its own file back so); the
     * sections, blocks and point counts are the typed ones and no furniture reaches the text.
     */
    @ParameterizedTest
    @MethodSource("reports")
    void styledListsAndFurnitureGiveTheTypedStructure(String report) throws ExtractionException {
        Report typed = PARSER.parse(extractor.extract(
                WordNumberingRoundTripTest.resource(report + ".txt").getBytes(StandardCharsets.UTF_8), report + ".txt").text());
        ExtractedText extracted = extractor.extract(doc(report + ".styled-furniture.doc"), report + ".doc");
        Report actual = PARSER.parse(extracted.text());
        assertEquals(outline(typed), outline(actual));
        assertEquals(typed.title(), actual.title());
        assertEquals(typed.preface(), actual.preface());
        assertEquals(typed.closing(), actual.closing());
        for (String furniture : new String[] {"内部资料", "第1页", "— 1 —", "注：", "文本框", "图为", "目  录", "已删去", "隐藏文字",
                "此处表述请再斟酌"}) {
            assertFalse(extracted.text().contains(furniture), furniture + " in the text");
        }
    }

    @ParameterizedTest
    @CsvSource({"shimen-2019-township-secretary.direct.doc, 一、检视出的主要问题, （一）在理论学习方面, ①对茶叶合作社"})
    void labelsAsWordShowsThem(String file, String section, String block, String circled) throws ExtractionException {
        String text = extractor.extract(doc(file), file).text();
        assertTrue(text.lines().anyMatch(section::equals), text);
        assertTrue(text.lines().anyMatch(block::equals), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith(circled)), text);
    }

    private static List<String> outline(Report r) {
        List<String> lines = new ArrayList<>();
        for (Section s : r.sections()) {
            lines.add(s.type() + " " + s.heading());
            for (Block b : s.blocks()) {
                lines.add("  " + b.heading() + " [" + b.aspect() + "] " + b.items().size());
            }
        }
        return lines;
    }

    private static byte[] doc(String name) {
        try (InputStream in = WordDocFixturesTest.class.getResourceAsStream("/word/doc/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /word/doc/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
