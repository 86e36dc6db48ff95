package cn.reportarchive.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
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

/**
 * The hostile and broken files every entry point must survive, generated (nothing large is committed):
 * each with the outcome a user should see, a failure whose sentence says why or a sensible import.
 */
public final class BadFiles {
    private BadFiles() {
    }

    /** One bad file: what it is, the name it arrives under, its bytes, and what must come of it. */
    public record BadFile(String label, String filename, Supplier<byte[]> bytes, Expect expect) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** Refused with a sentence holding one of {@code reasons}, or imported with text that passes {@code text}. */
    public record Expect(List<String> reasons, Predicate<String> text) {
        public boolean imports() {
            return reasons.isEmpty();
        }
    }

    static Expect fails(String... reasons) {
        return new Expect(List.of(reasons), null);
    }

    static Expect imports(Predicate<String> text) {
        return new Expect(List.of(), text);
    }

    private static final String CORRUPT = "损坏";
    private static final String TRUNCATED = "不完整";

    /** The sample report as UTF-8 text (a report the archive takes). */
    public static byte[] reportText() {
        return Fixtures.format("report.txt");
    }

    static String reportString() {
        return new String(reportText(), StandardCharsets.UTF_8);
    }

    private static final Predicate<String> IS_THE_REPORT = t -> t.contains("临江县财政局党组领导班子2024年度民主生活会对照检查材料");

    public static List<BadFile> corpus() {
        List<BadFile> c = new ArrayList<>();
        // nothing in it
        c.add(new BadFile("empty .docx", "对照检查材料.docx", () -> new byte[0], fails("为空")));
        c.add(new BadFile("empty .txt", "对照检查材料.txt", () -> new byte[0], fails("为空")));
        c.add(new BadFile("blanks only", "对照检查材料.txt",
                () -> " \r\n\u3000\u3000\n\t".getBytes(StandardCharsets.UTF_8), fails("没有可提取的文字")));
        c.add(new BadFile("NUL bytes only", "对照检查材料.txt", () -> new byte[4096], fails("二进制")));
        c.add(new BadFile("one byte named .docx", "对照检查材料.docx", () -> new byte[] {'x'}, fails("扩展名")));
        // random bytes under every name
        for (String ext : List.of("docx", "pdf", "doc", "wps", "odt", "rtf", "txt")) {
            c.add(new BadFile("random bytes ." + ext, "对照检查材料." + ext, () -> randomBytes(4096, ext.hashCode()),
                    fails(CORRUPT, "二进制", "不支持", "扩展名", "没有可提取的文字")));
        }
        // truncated and corrupt Office files
        c.add(new BadFile("docx cut at half", "对照检查材料.docx", () -> cut(Fixtures.format("report.docx"), 0.5),
                fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("docx cut at a tenth", "对照检查材料.docx", () -> cut(Fixtures.format("report.docx"), 0.1),
                fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("docx of its first 100 bytes", "对照检查材料.docx",
                () -> Arrays.copyOf(Fixtures.format("report.docx"), 100), fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("docx without its central directory", "对照检查材料.docx",
                () -> Arrays.copyOf(Fixtures.format("report.docx"), Fixtures.format("report.docx").length - 22),
                imports(IS_THE_REPORT))); // POI falls back to reading the entries one by one
        c.add(new BadFile("docx with garbled middle", "对照检查材料.docx",
                () -> garble(Fixtures.format("report.docx"), 0.4, 0.6), fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("docx without document.xml", "对照检查材料.docx",
                () -> rezip(Fixtures.format("report.docx"), "word/document.xml", null), fails(CORRUPT, "没有可提取的文字")));
        c.add(new BadFile("docx whose document.xml is not XML", "对照检查材料.docx",
                () -> rezip(Fixtures.format("report.docx"), "word/document.xml",
                        old -> "这不是XML<<<&&&".getBytes(StandardCharsets.UTF_8)), fails(CORRUPT)));
        c.add(new BadFile("docx whose document.xml is cut off", "对照检查材料.docx",
                () -> rezip(Fixtures.format("report.docx"), "word/document.xml", old -> cut(old, 0.5)),
                fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("zip that is not Office named .docx", "对照检查材料.docx", BadFiles::plainZip, fails(CORRUPT)));
        c.add(new BadFile("doc cut at half", "对照检查材料.doc", () -> cut(Fixtures.format("report.doc"), 0.5),
                fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("doc garbled after its OLE header", "对照检查材料.doc", () -> {
            byte[] doc = Fixtures.format("report.doc");
            byte[] garbage = randomBytes(doc.length, 7);
            System.arraycopy(garbage, 512, doc, 512, doc.length - 512);
            return doc;
        }, fails(CORRUPT)));
        c.add(new BadFile("wps cut at a third", "对照检查材料.wps", () -> cut(Fixtures.format("report.wps"), 0.33),
                fails(CORRUPT, TRUNCATED)));
        c.add(new BadFile("doc of its OLE header only", "对照检查材料.doc", () -> Arrays.copyOf(Fixtures.format("report.doc"), 512),
                fails(CORRUPT, TRUNCATED)));
        // truncated and corrupt PDF
        c.add(new BadFile("pdf cut at half", "对照检查材料.pdf", () -> cut(Fixtures.format("report.pdf"), 0.5),
                fails(CORRUPT, TRUNCATED, "扫描件")));
        c.add(new BadFile("pdf of its header line only", "对照检查材料.pdf", () -> "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                fails(CORRUPT, TRUNCATED, "扫描件")));
        c.add(new BadFile("pdf with garbled middle", "对照检查材料.pdf", () -> garble(Fixtures.format("report.pdf"), 0.3, 0.7),
                fails(CORRUPT, TRUNCATED, "扫描件", "不是一份对照检查材料")));
        c.add(new BadFile("pdf header then random bytes", "对照检查材料.pdf", () -> {
            byte[] b = randomBytes(8192, 11);
            System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 9);
            return b;
        }, fails(CORRUPT, TRUNCATED, "扫描件")));
        // a real report under the wrong name: the type is read from the content
        c.add(new BadFile("docx named .pdf", "对照检查材料.pdf", () -> Fixtures.format("report.docx"), imports(IS_THE_REPORT)));
        c.add(new BadFile("pdf named .doc", "对照检查材料.doc", () -> Fixtures.format("report.pdf"), imports(IS_THE_REPORT)));
        c.add(new BadFile("text report named .docx", "对照检查材料.docx", BadFiles::reportText, fails("扩展名")));
        c.add(new BadFile("png named .docx", "对照检查材料.docx", BadFiles::png, fails("扫描件"))); // an image is read by OCR
        c.add(new BadFile("png", "扫描件.png", BadFiles::png, fails("扫描件")));
        c.add(new BadFile("zip", "材料.zip", BadFiles::plainZip, fails("不支持")));
        // encrypted
        c.add(new BadFile("pdf with an open password", "对照检查材料.pdf", () -> encryptedPdf("user-secret"), fails("加密")));
        c.add(new BadFile("docx with an open password (agile)", "对照检查材料.docx",
                () -> encryptedDocx(Fixtures.format("report.docx"), EncryptionMode.agile), fails("加密")));
        c.add(new BadFile("docx with an open password (standard)", "对照检查材料.docx",
                () -> encryptedDocx(Fixtures.format("report.docx"), EncryptionMode.standard), fails("加密")));
        c.add(new BadFile("pdf with an owner password only", "对照检查材料.pdf",
                () -> ownerProtected(Fixtures.format("report.pdf")), imports(IS_THE_REPORT)));
        // bombs and nesting
        c.add(new BadFile("zip bomb inside a docx", "对照检查材料.docx", () -> zipBomb(Fixtures.format("report.docx"), 200),
                fails("压缩炸弹")));
        c.add(new BadFile("10,000 entries inside a docx", "对照检查材料.docx", () -> manyEntries(Fixtures.format("report.docx"), 10_000),
                fails("结构异常")));
        c.add(new BadFile("deeply nested XML in a docx", "对照检查材料.docx", () -> rezip(Fixtures.format("report.docx"),
                "word/document.xml", old -> nestedXml(200_000)), fails("资源限制", CORRUPT, "没有可提取的文字")));
        c.add(new BadFile("entity expansion (billion laughs) in a docx", "对照检查材料.docx",
                () -> rezip(Fixtures.format("report.docx"), "word/document.xml", old -> billionLaughs()),
                fails("资源限制", CORRUPT, "没有可提取的文字")));
        c.add(new BadFile("deeply nested HTML", "对照检查材料.html",
                () -> ("<html><body>" + "<div>".repeat(20_000) + "一、存在的问题" + "</div>".repeat(20_000) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8), fails("资源限制", "不是一份对照检查材料")));
        c.add(new BadFile("deeply nested RTF groups", "对照检查材料.rtf",
                () -> ("{\\rtf1 " + "{".repeat(100_000) + "x" + "}".repeat(100_000) + "}").getBytes(StandardCharsets.US_ASCII),
                fails("资源限制", CORRUPT, "不是一份对照检查材料", "没有可提取的文字")));
        // scanned
        c.add(new BadFile("scanned pdf", "对照检查材料.pdf", () -> imageOnlyPdf(null), fails("扫描件")));
        c.add(new BadFile("scanned pdf with a page number", "对照检查材料.pdf", () -> imageOnlyPdf("- 1 -"), fails("扫描件")));
        // encodings
        c.add(new BadFile("UTF-16LE without a byte-order mark", "对照检查材料.txt",
                () -> reportString().getBytes(StandardCharsets.UTF_16LE), imports(IS_THE_REPORT)));
        c.add(new BadFile("UTF-16BE without a byte-order mark", "对照检查材料.txt",
                () -> reportString().getBytes(StandardCharsets.UTF_16BE), imports(IS_THE_REPORT)));
        c.add(new BadFile("GBK", "对照检查材料.txt", () -> reportString().getBytes(Charset.forName("GBK")), imports(IS_THE_REPORT)));
        c.add(new BadFile("UTF-8 with a byte-order mark", "对照检查材料.txt", () -> withUtf8Mark(reportText()), imports(IS_THE_REPORT)));
        c.add(new BadFile("Big5 (traditional)", "對照檢查材料.txt", () -> TRADITIONAL.getBytes(Charset.forName("Big5")), fails("编码")));
        c.add(new BadFile("Shift-JIS (Japanese)", "点検報告.txt", () -> JAPANESE.getBytes(Charset.forName("Shift_JIS")), fails("编码")));
        c.add(new BadFile("UTF-8 with one broken byte", "对照检查材料.txt", () -> {
            byte[] b = reportText();
            b[b.length / 2] = (byte) 0xFF;
            return b;
        }, imports(IS_THE_REPORT)));
        c.add(new BadFile("Windows-1252 (Western European)", "report.txt",
                () -> "Rapport d'activité 2023 — café, élève, garçon, façade, naïve, déjà vu, crème brûlée".repeat(20)
                        .getBytes(Charset.forName("windows-1252")), fails("编码", "不是一份对照检查材料")));
        // content that is text but hostile
        c.add(new BadFile("report with a script tag", "对照检查材料.txt",
                () -> (reportString() + "\n<script>alert(document.cookie)</script>").getBytes(StandardCharsets.UTF_8),
                imports(t -> t.contains("<script>alert(document.cookie)</script>"))));
        c.add(new BadFile("HTML report with a script", "对照检查材料.html", () -> ("<html><head><script>alert('x')</script></head><body><p>"
                + reportString().replace("\n", "</p><p>") + "</p><img src=x onerror=alert(1)></body></html>")
                .getBytes(StandardCharsets.UTF_8), imports(t -> IS_THE_REPORT.test(t) && !t.contains("alert"))));
        c.add(new BadFile("report with terminal escapes and bells", "对照检查材料.txt",
                () -> reportString().replace("一、", "\u001b[2J\u0007一、").getBytes(StandardCharsets.UTF_8),
                imports(t -> IS_THE_REPORT.test(t) && t.chars().noneMatch(ch -> ch < 0x20 && ch != '\n'))));
        c.add(new BadFile("text that is not a report", "购物清单.txt",
                () -> "苹果两斤\n白菜一棵\n酱油一瓶".getBytes(StandardCharsets.UTF_8), fails("不是一份对照检查材料")));
        c.add(new BadFile("more characters on one line than the archive keeps", "对照检查材料.txt",
                () -> (reportString() + "\n" + "学".repeat(LONG_LINE)).getBytes(StandardCharsets.UTF_8), imports(IS_THE_REPORT)));
        // names: the archive keeps a clean base name
        c.add(new BadFile("name climbing out with ../", "../../../etc/cron.d/对照检查材料.txt", BadFiles::reportText,
                imports(IS_THE_REPORT)));
        c.add(new BadFile("name with control characters", "\u001b[31m对照\n检查\r材料\u0000.txt", BadFiles::reportText,
                imports(IS_THE_REPORT)));
        c.add(new BadFile("name with a right-to-left override", "对照检查材料\u202Efdp.txt", BadFiles::reportText,
                imports(IS_THE_REPORT)));
        c.add(new BadFile("name of 300 characters", "材".repeat(296) + ".txt", BadFiles::reportText, imports(IS_THE_REPORT)));
        return c;
    }

    /** Longer than {@link #MAX_CHARS}, the character limit tests run the corpus with. */
    static final int LONG_LINE = 400_000;
    public static final int MAX_CHARS = 300_000;

    // A fixed text in traditional characters, for Big5.
    static final String TRADITIONAL = "中共臨江縣財政局黨組\n臨江縣財政局黨組領導班子2024年度民主生活會對照檢查材料\n"
            + "一、存在的問題\n（一）在理論學習方面\n1.學習貫徹新時代中國特色社會主義思想還不夠深入系統，聯繫實際不夠緊密。\n"
            + "二、整改措施\n1.堅持第一議題制度，認真開展專題學習。";
    static final String JAPANESE = "令和五年度 自己点検報告書\n一、問題点\n1.学習が十分ではなく、会議の準備が遅れることがあった。"
            + "\n二、改善策\n1.毎週の勉強会を続け、報告の締め切りを守る。";

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] cut(byte[] bytes, double share) {
        return Arrays.copyOf(bytes, (int) (bytes.length * share));
    }

    /** Random bytes over the given share of the file: its structure at both ends is kept. */
    static byte[] garble(byte[] bytes, double from, double to) {
        byte[] out = bytes.clone();
        int start = (int) (out.length * from);
        int end = (int) (out.length * to);
        byte[] noise = randomBytes(end - start, 3);
        System.arraycopy(noise, 0, out, start, noise.length);
        return out;
    }

    private static byte[] withUtf8Mark(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    /** The zip's entries again, with one replaced (or dropped when the function is null). */
    static byte[] rezip(byte[] zip, String entry, UnaryOperator<byte[]> replace) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    if (replace == null) {
                        continue;
                    }
                    content = replace.apply(content);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The docx with its document padded by so many megabytes of blanks that it inflates a thousandfold
     * (a few hundred kilobytes zipped), written a megabyte at a time.
     */
    private static byte[] zipBomb(byte[] docx, int megabytes) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            byte[] blanks = new byte[1 << 20];
            Arrays.fill(blanks, (byte) ' ');
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int close = xml.lastIndexOf("</w:document>");
                    out.write(xml.substring(0, close).getBytes(StandardCharsets.UTF_8));
                    for (int i = 0; i < megabytes; i++) {
                        out.write(blanks);
                    }
                    out.write(xml.substring(close).getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] manyEntries(byte[] docx, int extra) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
            for (int i = 0; i < extra; i++) {
                out.putNextEntry(new ZipEntry("customXml/item" + i + ".xml"));
                out.write("<a/>".getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String WORD_NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private static byte[] nestedXml(int depth) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " + WORD_NS + "><w:body>"
                + "<w:sdt><w:sdtContent>".repeat(depth) + "<w:p><w:r><w:t>一、存在的问题</w:t></w:r></w:p>"
                + "</w:sdtContent></w:sdt>".repeat(depth) + "</w:body></w:document>").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE w:document [<!ENTITY l0 \"哈哈哈哈哈哈哈哈哈哈\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + dtd + "<w:document " + WORD_NS
                + "><w:body><w:p><w:r><w:t>&l10;</w:t></w:r></w:p></w:body></w:document>").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] plainZip() {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("说明.txt"));
                zip.write("一、存在的问题".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encryptedPdf(String userPassword) {
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
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens without a password, but says "do not change me": readers may still read it. */
    private static byte[] ownerProtected(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encryptedDocx(byte[] docx, EncryptionMode mode) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(mode).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream encrypted = encryptor.getDataStream(fs)) {
                encrypted.write(docx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page that holds only a picture, as a scanner makes it; optionally a text footer. */
    static byte[] imageOnlyPdf(String footer) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
