package cn.reportarchive.extract.ocr;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.bench.ScanMaker;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The parts of OCR that need no tesseract: its answer read, pages judged, misreadings mended. */
@Tag("integration")
class OcrPartsTest {
    private static String tsvRow(int block, int par, int line, int word, double conf, String text) {
        return String.join("\t", "5", "1", Integer.toString(block), Integer.toString(par), Integer.toString(line),
                Integer.toString(word), "10", "10", "30", "30", Double.toString(conf), text);
    }

    private static final String HEADER = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    @Test
    void tsvBecomesLinesAndParagraphs() {
        List<TsvWords.Line> lines = TsvWords.parse(List.of(HEADER,
                "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t",
                tsvRow(1, 1, 1, 1, 95, "一"), tsvRow(1, 1, 1, 2, 93, "、存在"), tsvRow(1, 1, 1, 3, 91, "的问题"),
                tsvRow(1, 1, 2, 1, 90, "（一）理论学习"), tsvRow(1, 1, 2, 2, 90, " "),
                tsvRow(2, 1, 1, 1, 88, "1.学习不深")));
        assertEquals(3, lines.size());
        assertEquals("一 、存在 的问题", lines.get(0).text());
        assertTrue(lines.get(0).startsParagraph());
        assertFalse(lines.get(1).startsParagraph());
        assertTrue(lines.get(2).startsParagraph());
        assertEquals(List.of(new TsvWords.Word("1.学习不深", 88)), lines.get(2).words());
    }

    private static TsvWords.Line line(double conf, String... words) {
        return new TsvWords.Line(false, java.util.Arrays.stream(words).map(w -> new TsvWords.Word(w, conf)).toList());
    }

    @Test
    void aPageIsJudgedByItsLettersAndConfidence() {
        OcrPage read = OcrPage.of(List.of(line(92, "一、存在", "的问题"), line(90, "1.理论学习不够深入。"), line(80, "一", "3", "一")), 0);
        assertEquals(OcrPage.Status.READ, read.status());
        assertEquals("一、存在 的问题\n1.理论学习不够深入。\n", read.text()); // "— 3 —" read as 一 3 一 is gone
        assertEquals(OcrPage.Status.BLANK, OcrPage.of(List.of(line(90, "第", "2", "页"), line(95, "印章")), 0).status());
        assertEquals(OcrPage.Status.ILLEGIBLE,
                OcrPage.of(List.of(line(40, "松据且委关于召开"), line(55, "全民主生活人的衣知要")), 0).status());
        assertEquals(OcrPage.Status.BLANK, OcrPage.of(List.of(), 0).status());
        // sure of a few fragments, but they account for a fraction of the ink: a page turned 8°
        List<TsvWords.Line> fragments = List.of(line(70, "问题", "制定", "整改"), line(70, "任务", "全部", "完成", "目标"));
        assertEquals(OcrPage.Status.READ, OcrPage.of(fragments, 15 * 200).status());
        assertEquals(OcrPage.Status.ILLEGIBLE, OcrPage.of(fragments, 15 * 3800).status());
    }

    @Test
    void misreadPointMarkersAreMendedWhereTheNumberingSaysSo() {
        // as tesseract read sample-docs/yunxi-dw-2023.pdf page 1 (200 dpi, 1°, noise)
        assertEquals(List.of("1.针对信访积案化解进度不快的问题，", "2.针对安全生产排查不彻底的问题。"),
                OcrLines.mend(List.of("工,针对信访积案化解进度不快的问题，", "2.针对安全生产排查不彻底的问题o")));
        assertEquals(List.of("（三）能力本领方面", "1.班子成员对土地政策", "2.运用法治思维"),
                OcrLines.mend(List.of("（三）能力本领方面", "芽.班子成员对土地政策", "2 :运用法治思维")));
        assertEquals(List.of("1.有的村干部反映", "2.下村调研"), OcrLines.mend(List.of("1有的村干部反映", "2.下村调研")));
        // what the numbering does not back stays as read
        assertEquals(List.of("选派", "3名青年干部到省财政厅跟班学习。", "2.建立台账"),
                OcrLines.mend(List.of("选派", "3名青年干部到省财政厅跟班学习。", "2.建立台账")));
        assertEquals(List.of("一．存在的问题", "2.建立台账"), OcrLines.mend(List.of("一．存在的问题", "2.建立台账")));
        assertEquals(List.of("工作作风不够扎实", "2024 年度", "Windows 10 。"),
                OcrLines.mend(List.of("工作作风不够扎实", "2024 年度", "Windows 10 。")));
    }

    @Test
    void pageListsCollapseRuns() {
        assertEquals("第 3 页", ScanReader.pageList(new TreeSet<>(List.of(3))));
        assertEquals("第 3、7 页", ScanReader.pageList(new TreeSet<>(List.of(7, 3))));
        assertEquals("第 1–4、9、11–200 页", ScanReader.pageList(new TreeSet<>(
                java.util.stream.Stream.concat(java.util.stream.IntStream.rangeClosed(1, 4).boxed(),
                        java.util.stream.Stream.concat(java.util.stream.Stream.of(9),
                                java.util.stream.IntStream.rangeClosed(11, 200).boxed())).toList())));
    }

    @Test
    void blankBlackAndTinyImagesGetNoOcr() throws IOException {
        BufferedImage white = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, white.getWidth(), white.getHeight());
        g.dispose();
        assertEquals(OcrPage.Status.BLANK, PageImages.hopeless(ScanMaker.degrade(white, 1.0, 20, 1)));
        assertEquals(OcrPage.Status.ILLEGIBLE, PageImages.hopeless(new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY)));
        assertEquals(OcrPage.Status.BLANK, PageImages.hopeless(new BufferedImage(120, 80, BufferedImage.TYPE_BYTE_GRAY)));
        BufferedImage page = ScanMaker.render(format("report.pdf"), 150, 1).get(0);
        assertNull(PageImages.hopeless(page), "a page of text is worth reading");
    }

    @Test
    void aPdfWithATextLayerOnEveryPageIsNotOcrdAndNeedsNoTesseract() throws Exception {
        ScanReader scans = new ScanReader(new Tesseract("/nonexistent/tesseract"), OcrSettings.defaults(), (p, n) -> {
            throw new AssertionError("no page may be OCR'd");
        });
        assertNull(scans.readPdf(format("report.pdf"), List.of("第一页的文字".repeat(10), "第二页的文字".repeat(10))));
        assertFalse(ScanReader.mayNeedOcr(List.of("第一页的文字".repeat(10))));
        assertTrue(ScanReader.mayNeedOcr(List.of("第一页的文字".repeat(10), "\n- 2 -\n")));
    }

    @Test
    void onlyAPictureOfThePageMakesAScan() {
        org.apache.pdfbox.pdmodel.common.PDRectangle a4 = org.apache.pdfbox.pdmodel.common.PDRectangle.A4;
        assertTrue(ScanReader.isPageShaped(1654, 2339, a4), "A4 scanned at 200 dpi");
        assertTrue(ScanReader.isPageShaped(1240, 1754, a4), "A4 at 150 dpi");
        assertTrue(ScanReader.isPageShaped(2339, 1654, a4), "scanned sideways");
        assertTrue(ScanReader.isPageShaped(1600, 2339, a4), "margins cropped");
        assertFalse(ScanReader.isPageShaped(600, 600, a4), "a round red seal");
        assertFalse(ScanReader.isPageShaped(1200, 200, a4), "a letterhead banner");
        assertFalse(ScanReader.isPageShaped(300, 400, org.apache.pdfbox.pdmodel.common.PDRectangle.LETTER), "a small photo");
    }

    @Test
    void aLastPageWithTheDateAndASealKeepsItsTextLayer() throws Exception {
        byte[] pdf;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(format("report.pdf"));
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.pdmodel.PDPage last = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            document.addPage(last);
            BufferedImage seal = new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB);
            try (org.apache.pdfbox.pdmodel.PDPageContentStream content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, last)) {
                content.drawImage(org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(document, seal), 350, 600, 120, 120);
            }
            document.save(out);
            pdf = out.toByteArray();
        }
        ScanReader scans = new ScanReader(new Tesseract("/nonexistent/tesseract"), OcrSettings.defaults(), (p, n) -> {
            throw new AssertionError("no page may be OCR'd");
        });
        assertNull(scans.readPdf(pdf, List.of("第一页的文字".repeat(10), "第二页的文字".repeat(10), "2025年1月20日")));
    }

    @Test
    void aPageFedInAskewIsStraightened() throws IOException {
        BufferedImage page = ScanMaker.render(format("report.pdf"), 150, 1).get(0);
        for (double tilt : new double[] {8, -3.5, 0.5}) {
            double found = Deskew.skew(ScanMaker.degrade(page, tilt, 12, 1));
            assertEquals(tilt, found, 0.5, "tilt " + tilt);
        }
        BufferedImage straight = ScanMaker.degrade(page, 1.0, 12, 1);
        assertTrue(Deskew.straighten(straight) == straight, "a straight page is left as it is");
        assertEquals(0, Deskew.skew(Deskew.straighten(ScanMaker.degrade(page, 6, 12, 1))), 0.5);
    }

    @Test
    void scannersJbig2PagesCanBeDecoded() {
        // PDFBox renders a JBIG2 image only through this ImageIO plugin; without it the page comes out blank
        assertTrue(javax.imageio.ImageIO.getImageReadersByFormatName("jbig2").hasNext());
    }

    @Test
    void aMissingTesseractIsNamed() {
        String missing = new Tesseract("/nonexistent/tesseract").missing();
        assertTrue(missing != null && missing.contains("cannot be run"), missing);
    }

    @Test
    void hugeImagesAreSubsampledAsTheyAreDecoded() throws IOException {
        BufferedImage big = new BufferedImage(6000, 4000, BufferedImage.TYPE_BYTE_GRAY); // 24 Mpx
        byte[] png = ScanMaker.image(big, "png");
        javax.imageio.ImageReader reader = PageImages.reader(png);
        BufferedImage frame = PageImages.frame(reader, 0);
        assertTrue((long) frame.getWidth() * frame.getHeight() <= PageImages.MAX_PIXELS,
                frame.getWidth() + "x" + frame.getHeight());
        reader.dispose();
    }

    static byte[] format(String name) throws IOException {
        try (InputStream in = OcrPartsTest.class.getResourceAsStream("/formats/" + name)) {
            return in.readAllBytes();
        }
    }
}
