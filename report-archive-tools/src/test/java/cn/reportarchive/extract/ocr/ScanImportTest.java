package cn.reportarchive.extract.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.bench.ScanMaker;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportWarning;
import cn.reportarchive.parse.WarningCode;
import cn.reportarchive.search.SearchHit;
import cn.reportarchive.search.SearchRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed PDF imported as the application imports (parser processes, the page protocol): its text
 * page keeps its text layer, its scanned page is read by OCR, its blank scanned page is named in a
 * warning; the report says it was read by OCR, and each OCR page was announced as it started.
 */
@Tag("integration")
class ScanImportTest {
    @TempDir
    Path data;

    private static void assertHitsMarked(Application app, Report report, boolean ocr) throws Exception {
        String point = report.sections().stream().flatMap(sec -> sec.blocks().stream())
                .flatMap(b -> b.items().stream()).map(i -> i.text()).filter(t -> t.length() >= 14)
                .findFirst().orElseThrow();
        String run = point.substring(4, 12);
        List<SearchHit> own = app.search().search(SearchRequest.of("\"" + run + "\"")).hits().stream()
                .filter(h -> h.reportId().equals(report.id())).toList();
        assertTrue(!own.isEmpty(), "no hit of " + report.filename() + " for " + run);
        assertTrue(own.stream().allMatch(h -> h.ocr() == ocr), own.toString());
    }

    @Test
    void aMixedPdfImportsWithOcrAndAWarningForItsBlankPage() throws Exception {
        String missing = new Tesseract().missing();
        if (missing != null) {
            System.err.println("ScanImportTest skipped: tesseract with chi_sim is not available here (" + missing + ")");
        }
        assumeTrue(missing == null, "tesseract with chi_sim is not available: " + missing);
        byte[] text = OcrPartsTest.format("report.pdf");
        byte[] mixed = mixed(text);
        List<String> pages = new CopyOnWriteArrayList<>();
        try (Application app = Application.open(data, LoadedMachine.OPTIONS);
                AutoCloseable listening = app.extractor().onPage((file, page, n) -> pages.add(file + " " + page + "/" + n))) {
            ImportOutcome outcome = app.archive().importFile("混合.pdf", mixed, ImportMetadata.NONE);
            assertEquals(ImportOutcome.Status.IMPORTED, outcome.status(), outcome.error());
            Report report = outcome.report();
            assertTrue(report.ocr());
            List<WarningCode> codes = report.warnings().stream().map(ReportWarning::code).toList();
            assertTrue(codes.contains(WarningCode.OCR), codes.toString());
            assertTrue(report.warnings().contains(ReportWarning.of(WarningCode.PART_UNREADABLE, "第 3 页是空白页或没有可识别的文字。")),
                    report.warnings().toString());
            assertEquals(List.of("混合.pdf 1/2", "混合.pdf 2/2"), pages);
            Report typed = app.archive().importFile("report.pdf", text, ImportMetadata.NONE).report();
            ScanOcrTest.assertSameReport(typed, report);
            assertTrue(!typed.ocr() && typed.warnings().stream().noneMatch(w -> w.code() == WarningCode.OCR));
            // hits carry the mark: a run of the scanned report's text finds it marked, the typed one not
            assertHitsMarked(app, report, true);
            assertHitsMarked(app, typed, false);
        }
    }

    /** Page 1 of the text PDF as it is, page 2 as a scan, and a blank scanned page. */
    private static byte[] mixed(byte[] text) throws Exception {
        BufferedImage scan = ScanMaker.degrade(ScanMaker.render(text, ScanOcrTest.DPI, 2).get(1), 0.8, 12, 5);
        BufferedImage blank = new BufferedImage(scan.getWidth(), scan.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
        g.dispose();
        try (PDDocument document = Loader.loadPDF(text); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.removePage(1);
            for (BufferedImage image : List.of(scan, ScanMaker.degrade(blank, 0.5, 8, 6))) {
                float w = image.getWidth() * 72f / ScanOcrTest.DPI;
                float h = image.getHeight() * 72f / ScanOcrTest.DPI;
                PDPage page = new PDPage(new PDRectangle(w, h));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(JPEGFactory.createFromImage(document, image), 0, 0, w, h);
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
