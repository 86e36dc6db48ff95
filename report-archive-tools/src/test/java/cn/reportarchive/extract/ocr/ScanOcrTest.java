package cn.reportarchive.extract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.reportarchive.bench.CharacterErrors;
import cn.reportarchive.bench.ScanMaker;
import cn.reportarchive.extract.ExtractedText;
import cn.reportarchive.extract.ExtractionException;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Block;
import cn.reportarchive.parse.Item;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.parse.Section;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scans made here from the text PDFs (rendered at 200 dpi, turned about a degree, speckled with
 * noise) must give the report the text PDF gives: the same sections and blocks and at least 90 % of
 * the points. Each page costs tesseract 3–10 s on a shared machine, so the whole class reads nine.
 * Skipped, with the reason printed, where tesseract or its Chinese data is missing; CI installs both.
 */
@Tag("integration")
class ScanOcrTest {
    static final int DPI = 200;
    private static TikaExtractor extractor;
    private static final ReportParser PARSER = new ReportParser(AspectTaxonomy.defaults());

    @BeforeAll
    static void needsTesseract() {
        String missing = new Tesseract().missing();
        if (missing != null) {
            System.err.println("ScanOcrTest skipped: tesseract with chi_sim is not available here (" + missing + ")");
        }
        assumeTrue(missing == null, "tesseract with chi_sim is not available: " + missing);
        extractor = new TikaExtractor(LoadedMachine.LIMITS, new TextNormalizer(), LoadedMachine.OCR);
    }

    @AfterAll
    static void close() {
        if (extractor != null) {
            extractor.close();
        }
    }

    static List<BufferedImage> scanned(byte[] pdf, int pages) throws IOException {
        List<BufferedImage> scans = new ArrayList<>();
        List<BufferedImage> rendered = ScanMaker.render(pdf, DPI, pages);
        for (int i = 0; i < rendered.size(); i++) {
            scans.add(ScanMaker.degrade(rendered.get(i), i % 2 == 0 ? 1.0 : -0.7, 12, i));
        }
        return scans;
    }

    static Report parse(byte[] bytes, String name) throws ExtractionException {
        return PARSER.parse(extractor.extract(bytes, name).text());
    }

    @Test
    void anImageOnlyPdfGivesTheReportOfItsTextPdf() throws Exception {
        byte[] text = OcrPartsTest.format("report.pdf");
        byte[] scan = ScanMaker.imagePdf(scanned(text, 2), DPI);
        ExtractedText read = extractor.extract(scan, "扫描件.pdf");
        assertTrue(read.ocr());
        assertEquals("application/pdf", read.mediaType());
        assertEquals(List.of(), read.unreadable());
        assertFalse(read.text().matches("(?s).*\\p{IsHan} \\p{IsHan}.*"), "no spaces between Chinese characters");
        assertFalse(read.text().lines().anyMatch(l -> l.strip().matches("[-—一\\s]*\\d+[-—一\\s]*")), "page numbers dropped");
        assertSameReport(parse(text, "report.pdf"), PARSER.parse(read.text()));
    }

    @Test
    void aMultiPageTiffGivesTheReportOfItsTextPdf() throws Exception {
        byte[] text = Files.readAllBytes(Path.of("sample-docs", "yunxi-dw-2023.pdf"));
        byte[] tiff = ScanMaker.images(scanned(text, 2), "tiff");
        ExtractedText read = extractor.extract(tiff, "扫描件.tif");
        assertTrue(read.ocr());
        assertEquals("image/tiff", read.mediaType());
        assertSameReport(parse(text, "yunxi.pdf"), PARSER.parse(read.text()));
    }

    @Test
    void photosOfPagesAsPngAndJpegAreRead() throws Exception {
        byte[] text = Files.readAllBytes(Path.of("sample-docs", "linjiang-czj-2023.pdf"));
        List<BufferedImage> pages = scanned(text, 2);
        String source = extractor.extract(text, "linjiang.pdf").text();
        ExtractedText png = extractor.extract(ScanMaker.image(pages.get(0), "png"), "第1页.png");
        // the second photographed upside down: tesseract turns it (orientation detection)
        BufferedImage upsideDown = ScanMaker.degrade(pages.get(1), 180.6, 4, 9);
        ExtractedText jpeg = extractor.extract(ScanMaker.image(upsideDown, "jpeg"), "第2页.jpg");
        assertEquals("image/png", png.mediaType());
        assertEquals("image/jpeg", jpeg.mediaType());
        assertTrue(png.ocr() && jpeg.ocr());
        // the two photos together hold the document: nearly every Chinese character of it, in order
        double cer = CharacterErrors.rate(han(source), han(png.text() + jpeg.text()));
        assertTrue(cer < 0.05, "character error rate " + cer);
    }

    @Test
    void aPageFedInAskewIsStraightenedAndRead() throws Exception {
        byte[] text = OcrPartsTest.format("report.pdf");
        BufferedImage page = ScanMaker.render(text, DPI, 1).get(0);
        byte[] askew = ScanMaker.imagePdf(List.of(ScanMaker.degrade(page, 8, 12, 3)), DPI);
        String source;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(text)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setEndPage(1);
            source = stripper.getText(document);
        }
        ExtractedText read = extractor.extract(askew, "倾斜.pdf");
        double cer = CharacterErrors.rate(han(source), han(read.text()));
        assertTrue(cer < 0.05, "character error rate " + cer + ": " + read.text());
    }

    @Test
    void aPageFarOffStraightFailsWithOneSentence() throws Exception {
        BufferedImage page = ScanMaker.render(OcrPartsTest.format("report.pdf"), DPI, 1).get(0);
        byte[] askew = ScanMaker.imagePdf(List.of(ScanMaker.degrade(page, 30, 12, 3)), DPI);
        ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(askew, "倾斜.pdf"));
        assertEquals("扫描件中没有识别出文字（页面空白、过于模糊、倾斜或不是文字页），未导入。", e.getMessage());
    }

    @Test
    void blankScannedPagesFailWithOneSentence() throws Exception {
        BufferedImage white = ScanMaker.degrade(new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY), 0, 0, 0);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, white.getWidth(), white.getHeight());
        g.dispose();
        byte[] blank = ScanMaker.imagePdf(List.of(ScanMaker.degrade(white, 0.5, 8, 1), ScanMaker.degrade(white, 0.5, 8, 2)), DPI);
        ExtractionException e = assertThrows(ExtractionException.class, () -> extractor.extract(blank, "空白.pdf"));
        assertTrue(e.getMessage().startsWith("扫描件中没有识别出文字"), e.getMessage());
    }

    /** Same section types, the same blocks in each, and 90 % of the points found again nearly unchanged. */
    static void assertSameReport(Report text, Report scan) {
        assertEquals(types(text), types(scan), "sections");
        for (int s = 0; s < text.sections().size(); s++) {
            assertEquals(text.sections().get(s).blocks().size(), scan.sections().get(s).blocks().size(),
                    "blocks of section " + text.sections().get(s).heading());
        }
        List<String> expected = points(text);
        List<String> found = points(scan);
        long matched = expected.stream()
                .filter(p -> found.stream().anyMatch(f -> CharacterErrors.rate(han(p), han(f)) <= 0.1))
                .count();
        assertTrue(expected.size() >= 10, "the fixture has points: " + expected.size());
        assertTrue(matched >= Math.ceil(0.9 * expected.size()),
                matched + " of " + expected.size() + " points found again; scan points " + found);
    }

    private static List<String> types(Report r) {
        return r.sections().stream().map(s -> s.type().toString()).toList();
    }

    private static List<String> points(Report r) {
        List<String> all = new ArrayList<>();
        for (Section s : r.sections()) {
            for (Block b : s.blocks()) {
                for (Item i : b.items()) {
                    all.add(i.text());
                }
            }
        }
        return all;
    }

    static String han(String s) {
        return s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
