package cn.reportarchive.extract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Files that cannot be imported: each must fail with a Chinese message that says why. */
class BadInputTest {
    private static TikaExtractor extractor;

    @BeforeAll
    static void open() {
        extractor = Fixtures.defaultExtractor();
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    private static void assertRejected(TikaExtractor with, byte[] bytes, String filename, String reason) {
        ExtractionException e = assertThrows(ExtractionException.class, () -> with.extract(bytes, filename));
        assertTrue(e.getMessage().contains(reason), "expected 「" + reason + "」 in: " + e.getMessage());
    }

    private static void assertRejected(byte[] bytes, String filename, String reason) {
        assertRejected(extractor, bytes, filename, reason);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(20240120L).nextBytes(bytes);
        return bytes;
    }

    @Test
    void emptyFile() {
        assertRejected(new byte[0], "对照检查材料.docx", "为空");
    }

    @Test
    void fileWithNoTextAtAll() {
        assertRejected(" \r\n\u3000\u3000\n\t".getBytes(StandardCharsets.UTF_8), "对照检查材料.txt", "没有可提取的文字");
    }

    @Test
    void randomBytesNamedDocx() {
        assertRejected(randomBytes(4096), "对照检查材料.docx", "损坏");
    }

    @Test
    void randomBytesNamedPdf() {
        assertRejected(randomBytes(4096), "对照检查材料.pdf", "损坏");
    }

    @Test
    void truncatedDocx() {
        byte[] docx = Fixtures.format("report.docx");
        assertRejected(Arrays.copyOf(docx, docx.length / 2), "对照检查材料.docx", "损坏");
    }

    @Test
    void corruptDoc() {
        // Keep the OLE2 header so the file still looks like Word 97, garble everything after it.
        byte[] doc = Fixtures.format("report.doc");
        byte[] garbage = randomBytes(doc.length);
        System.arraycopy(garbage, 512, doc, 512, doc.length - 512);
        assertRejected(doc, "对照检查材料.doc", "损坏");
    }

    @Test
    void passwordProtectedPdf() throws IOException {
        assertRejected(encryptedPdf(), "对照检查材料.pdf", "加密");
    }

    @Test
    void passwordProtectedDocx() throws IOException, GeneralSecurityException {
        assertRejected(encryptedDocx(Fixtures.format("report.docx")), "对照检查材料.docx", "加密");
    }

    @Test
    void scannedPdfWithoutTextLayer() throws IOException {
        assertRejected(imageOnlyPdf(null), "对照检查材料.pdf", "扫描件");
    }

    @Test
    void scannedPdfWhoseOnlyTextIsThePageNumber() throws IOException {
        assertRejected(imageOnlyPdf("- 1 -"), "对照检查材料.pdf", "扫描件");
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

    @Test
    void pngImage() throws IOException {
        byte[] png = png();
        assertRejected(png, "扫描件.png", "不支持");
        assertRejected(png, "对照检查材料.docx", "不支持");
    }

    @Test
    void zipThatIsNotAnOfficeFile() throws IOException {
        assertRejected(zip(), "材料.zip", "不支持");
    }

    @Test
    void zipThatIsNotAnOfficeFileNamedDocx() throws IOException {
        assertRejected(zip(), "对照检查材料.docx", "损坏");
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("Report 2024: self-examination");
                content.endText();
            }
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] encryptedDocx(byte[] docx) throws IOException, GeneralSecurityException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream encrypted = encryptor.getDataStream(fs)) {
                encrypted.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A page that holds only a picture, as a scanner makes it; optionally a text footer. */
    private static byte[] imageOnlyPdf(String footer) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            BufferedImage scan = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, scan), 50, 300);
                if (footer != null) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    content.newLineAtOffset(290, 40);
                    content.showText(footer);
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("说明.txt"));
            zip.write("一、存在的问题".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
