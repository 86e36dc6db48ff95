package cn.reportarchive.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Word documents as an office types them (Apache POI): A4 with official-document margins,
 * 方正小标宋 title, 黑体 section headings, 楷体 block headings, 仿宋 body with a two-character
 * first-line indent, headings run into the text as a bold run, paragraphs now and then cut into
 * several runs as Word does. The zip is rewritten with fixed timestamps so that the same seed
 * gives the same bytes.
 */
final class DocxWriter implements ReportWriter {
    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public String write(Path file, List<Layout.Para> paras, GenReport rep, Rng r) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(32 * 1024);
        boolean quoteSpaces = r.chance(0.1);
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            for (Layout.Para p : paras) {
                paragraph(doc, p, quoteSpaces ? Quirks.quoteSpaces(p.text(), r) : p.text(), r);
            }
            var core = doc.getProperties().getCoreProperties();
            Date when = Date.from(java.time.LocalDate.of(rep.year + 1, 1, 1).plusDays(r.nextInt(40))
                    .atTime(9, 0).toInstant(java.time.ZoneOffset.ofHours(8)));
            core.setCreated(Optional.of(when));
            core.setModified(Optional.of(when));
            core.setCreator(rep.author() != null && r.chance(0.5) ? rep.author().name() : "Administrator");
            doc.write(raw);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(fixedTimes(raw.toByteArray()));
        }
        return null;
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(2098));
        mar.setBottom(BigInteger.valueOf(1984));
        mar.setLeft(BigInteger.valueOf(1588));
        mar.setRight(BigInteger.valueOf(1474));
    }

    private static void paragraph(XWPFDocument doc, Layout.Para p, String text, Rng r) {
        XWPFParagraph para = doc.createParagraph();
        switch (p.kind()) {
            case TITLE -> {
                para.setAlignment(ParagraphAlignment.CENTER);
                run(para, text, "方正小标宋简体", 22, false);
                return;
            }
            case UNIT, AUTHOR -> {
                para.setAlignment(ParagraphAlignment.CENTER);
                run(para, text, p.kind() == Layout.Kind.UNIT ? "方正小标宋简体" : "楷体_GB2312", 16, false);
                return;
            }
            case SIGNATURE -> {
                para.setAlignment(ParagraphAlignment.RIGHT);
                run(para, text, "仿宋_GB2312", 16, false);
                return;
            }
            case SECTION -> {
                para.setIndentationFirstLine(640);
                run(para, text, "黑体", 16, false);
                return;
            }
            default -> para.setIndentationFirstLine(640);
        }
        int head = Math.min(p.head(), text.length());
        if (head > 0) {
            run(para, text.substring(0, head), "楷体_GB2312", 16, true);
        }
        String rest = text.substring(head);
        // Word keeps a paragraph in several runs (edits, spell-check marks)
        int pieces = rest.length() > 40 && r.chance(0.3) ? r.between(2, 3) : 1;
        int from = 0;
        for (int i = 1; i <= pieces; i++) {
            int to = i == pieces ? rest.length() : from + r.between(1, Math.max(1, (rest.length() - from) / 2));
            if (to > from) {
                run(para, rest.substring(from, to), "仿宋_GB2312", 16, false);
            }
            from = to;
        }
    }

    private static void run(XWPFParagraph para, String text, String font, int size, boolean bold) {
        XWPFRun run = para.createRun();
        run.setText(text);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        run.setFontSize(size);
        if (bold) {
            run.setBold(true);
        }
    }

    /** The same zip with every entry's time fixed, so that equal content gives equal bytes. */
    static byte[] fixedTimes(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(java.time.LocalDateTime.of(2000, 1, 1, 0, 0));
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
