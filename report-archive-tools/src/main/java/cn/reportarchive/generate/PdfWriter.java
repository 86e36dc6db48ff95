package cn.reportarchive.generate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * PDFs as Word exports them (Apache PDFBox): A4, official-document margins, 16 pt body with a
 * two-character first-line indent, lines broken at the page width with the Chinese line-breaking
 * rules (no line starts with ，。、 or ends with “（), runs of digits and Latin letters kept whole and,
 * in most files, set off by spaces, and a page number in the footer.
 */
final class PdfWriter implements ReportWriter {
    private static final float W = 595.28f;
    private static final float H = 841.89f;

    /**
     * A page template: 公文 style (GB/T 9704: 16 pt 仿宋, 28 characters a line, 22 pt title) or
     * Word's defaults (12 pt body, 2.54/3.17 cm margins, 16 pt title).
     */
    private record Geometry(float left, float right, float top, float bottom, float body, float leading, float title) {
        float textWidth() {
            return W - left - right;
        }

        static Geometry draw(Rng r) {
            return r.chance(0.6) ? new Geometry(79.4f, 73.7f, 104.9f, 99.2f, 16f, 28.9f, 22f)
                    : new Geometry(90f, 90f, 72f, 72f, 12f, 20.5f, 16f);
        }
    }

    private static final String NO_START = "，。、；：？！）》」』”’…—%,.;:?!)]";
    private static final String NO_END = "“‘（《「『([";

    private final PdfFonts.Choice font;

    PdfWriter(PdfFonts.Choice font) {
        this.font = font;
    }

    @Override
    public String extension() {
        return "pdf";
    }

    /** A set line: where it starts and its text. */
    private record Line(String text, float size, float x) {
    }

    @Override
    public String write(Path file, List<Layout.Para> paras, GenReport rep, Rng r) throws IOException {
        boolean spaces = r.chance(0.6);
        int pageNumbers = r.weighted(60, 20, 20);
        Geometry g = Geometry.draw(r);
        List<AutoCloseable> toClose = new ArrayList<>();
        try (PDDocument doc = new PDDocument()) {
            Metrics m;
            COSDictionary standardFont = null;
            PDType0Font embedded = null;
            if (font.standard()) {
                standardFont = standardFont();
                m = (c, size) -> (c < 0x80 ? 0.5f : 1f) * size;
            } else {
                TrueTypeFont ttf = PdfFonts.open(font, toClose);
                embedded = PDType0Font.load(doc, ttf, true);
                PDType0Font f = embedded;
                Map<Integer, Float> cache = new HashMap<>();
                m = (c, size) -> cache.computeIfAbsent(c, k -> width(f, k)) * size;
            }
            List<Line> lines = set(paras, m, spaces, g, rep);
            List<List<Line>> pages = paginate(lines, g);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(new PDRectangle(W, H));
                doc.addPage(page);
                String footer = switch (pageNumbers) {
                    case 0 -> "- " + (i + 1) + " -";
                    case 1 -> "第 " + (i + 1) + " 页 共 " + pages.size() + " 页";
                    default -> null;
                };
                float fw = 0;
                if (footer != null) {
                    for (int k = 0; k < footer.length(); k++) {
                        fw += m.width(footer.charAt(k), 12);
                    }
                }
                if (embedded != null) {
                    // the embedded font goes through PDFBox's own text operators, which keep the
                    // subset, the widths and the ToUnicode map in step
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        float y = H - g.top() - g.body();
                        for (Line line : pages.get(i)) {
                            show(cs, embedded, line.text, line.size, line.x, y);
                            y -= step(line, g);
                        }
                        if (footer != null) {
                            show(cs, embedded, footer, 12, (W - fw) / 2, g.bottom() / 2);
                        }
                    }
                    continue;
                }
                PDResources res = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), standardFont);
                res.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(res);
                StringBuilder content = new StringBuilder(8192);
                float y = H - g.top() - g.body();
                for (Line line : pages.get(i)) {
                    text(content, line.text, line.size, line.x, y);
                    y -= step(line, g);
                }
                if (footer != null) {
                    text(content, footer, 12, (W - fw) / 2, g.bottom() / 2);
                }
                PDStream stream = new PDStream(doc, new ByteArrayInputStream(content.toString()
                        .getBytes(StandardCharsets.US_ASCII)), COSName.FLATE_DECODE);
                page.setContents(stream);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreator("Microsoft® Word 2016");
            info.setProducer("Microsoft® Word 2016");
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("GMT+8"));
            when.clear();
            when.set(rep.year + 1, 0, 1 + r.nextInt(40), 9, 30, 0);
            info.setCreationDate(when);
            info.setModificationDate(when);
            doc.setDocumentId(r.nextLong());
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.save(out);
            }
        } finally {
            for (AutoCloseable c : toClose) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a font file cannot fail the report
                }
            }
        }
        return null;
    }

    private interface Metrics {
        float width(int c, float size);
    }

    private static float width(PDType0Font f, int c) {
        try {
            return f.getStringWidth(new String(Character.toChars(c))) / 1000f;
        } catch (IOException | IllegalArgumentException e) {
            return 1f;
        }
    }

    /** Breaks every paragraph into lines of the page width; notes how many lines the title took. */
    private List<Line> set(List<Layout.Para> paras, Metrics m, boolean spaces, Geometry g, GenReport rep) {
        List<Line> out = new ArrayList<>();
        float width = g.textWidth();
        // a heading or header line whose last line fills the width is one a reader of the
        // PDF cannot tell from a wrapped line: noted for whoever tests the importer
        // (the importer measures a full line as a high percentile of line lengths in characters,
        // which hanging punctuation and narrow digits pull a little below the page width)
        float full = 0.8f * ((float) Math.floor(width / g.body()) - 1) * g.body();
        List<String> fullHeadings = new ArrayList<>();
        for (int k = 0; k < paras.size(); k++) {
            Layout.Para p = paras.get(k);
            boolean indented = p.kind() == Layout.Kind.BLOCK || p.kind() == Layout.Kind.SECTION;
            if (indented || p.kind() == Layout.Kind.UNIT || p.kind() == Layout.Kind.AUTHOR) {
                List<String> ls = wrap(p.text(), m::width, g.body(), indented ? 2 * g.body() : 0, width);
                float last = measure(ls.get(ls.size() - 1), m, g.body());
                if (last >= full) {
                    fullHeadings.add(p.ref() != null ? p.ref() : p.kind().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (!fullHeadings.isEmpty()) {
            rep.layout.put("pdfFullWidthHeadings", fullHeadings);
        }
        rep.layout.put("pdfCharsPerLine", Math.round(width / g.body()));
        for (Layout.Para p : paras) {
            String plain = p.text().replace('\t', ' ');
            String text = spaces ? Quirks.latinSpaces(plain) : plain;
            switch (p.kind()) {
                case TITLE, UNIT, AUTHOR -> {
                    float size = p.kind() == Layout.Kind.TITLE ? g.title() : g.body();
                    List<String> lines = wrap(text, m::width, size, 0, width);
                    if (p.kind() == Layout.Kind.TITLE) {
                        rep.layout.put("pdfTitleLines", lines.size());
                    }
                    for (String l : lines) {
                        out.add(new Line(l, size, g.left() + Math.max(0, (width - measure(l, m, size)) / 2)));
                    }
                }
                case SIGNATURE -> out.add(new Line(text, g.body(),
                        Math.max(g.left(), W - g.right() - measure(text, m, g.body()) - 2 * g.body())));
                default -> {
                    List<String> lines = wrap(text, m::width, g.body(), 2 * g.body(), width);
                    for (int i = 0; i < lines.size(); i++) {
                        out.add(new Line(lines.get(i), g.body(), g.left() + (i == 0 ? 2 * g.body() : 0)));
                    }
                }
            }
        }
        return out;
    }

    private static float step(Line l, Geometry g) {
        return l.size > g.body() ? l.size * 1.6f : g.leading();
    }

    private static float measure(String s, Metrics m, float size) {
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += m.width(s.charAt(i), size);
        }
        return w;
    }

    /** Greedy line breaking with the Chinese rules; Latin runs are not broken. */
    static List<String> wrap(String text, MetricsLike m, float size, float firstIndent, float textWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float avail = textWidth - firstIndent;
        float used = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i + 1;
            if (isLatin(text.charAt(i))) {
                while (end < text.length() && isLatin(text.charAt(end))) {
                    end++;
                }
            }
            String token = text.substring(i, end);
            float w = measure(token, m, size);
            boolean hang = NO_START.indexOf(token.charAt(0)) >= 0;
            if (used + w > avail + 0.01f && line.length() > 0 && !hang) {
                String carry = "";
                char last = line.charAt(line.length() - 1);
                if (NO_END.indexOf(last) >= 0 && line.length() > 1) {
                    carry = String.valueOf(last);
                    line.setLength(line.length() - 1);
                }
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
                line.append(carry);
                used = measure(carry, m, size);
                avail = textWidth;
                if (token.equals(" ")) {
                    i = end;
                    continue;
                }
            }
            line.append(token);
            used += w;
            i = end;
        }
        if (line.length() > 0) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static float measure(String s, MetricsLike m, float size) {
        float w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += m.width(s.charAt(i), size);
        }
        return w;
    }

    /** Width of a character at a size (the writer's metrics, also usable in tests). */
    interface MetricsLike {
        float width(int c, float size);
    }

    private static boolean isLatin(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '%'
                || c == '+' || c == '-';
    }

    private static List<List<Line>> paginate(List<Line> lines, Geometry g) {
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        float y = H - g.top() - g.body();
        for (Line l : lines) {
            if (y < g.bottom() && !page.isEmpty()) {
                pages.add(page);
                page = new ArrayList<>();
                y = H - g.top() - g.body();
            }
            page.add(l);
            y -= step(l, g);
        }
        if (!page.isEmpty()) {
            pages.add(page);
        }
        return pages;
    }

    /** One line of text into the content stream, as 2-byte Unicode (UCS-2) codes in a hex string. */
    private static void text(StringBuilder content, String text, float size, float x, float y) {
        content.append("BT /F1 ").append(fmt(size)).append(" Tf ").append(fmt(x)).append(' ').append(fmt(y))
                .append(" Td <");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            content.append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
        }
        content.append("> Tj ET\n");
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static void show(PDPageContentStream cs, PDType0Font font, String text, float size, float x, float y)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        try {
            cs.showText(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("PDF 字体缺少字符：" + e.getMessage(), e);
        }
        cs.endText();
    }

    private static String fmt(float f) {
        return String.format(java.util.Locale.ROOT, "%.2f", f);
    }

    /** STSong-Light, Adobe-GB1, Unicode (UCS-2) codes: no font file needed, nothing embedded. */
    private static COSDictionary standardFont() {
        COSDictionary cid = new COSDictionary();
        cid.setName(COSName.TYPE, "Font");
        cid.setName(COSName.SUBTYPE, "CIDFontType0");
        cid.setName(COSName.BASE_FONT, "STSong-Light");
        COSDictionary sys = new COSDictionary();
        sys.setString(COSName.REGISTRY, "Adobe");
        sys.setString(COSName.ORDERING, "GB1");
        sys.setInt(COSName.SUPPLEMENT, 2);
        cid.setItem(COSName.CIDSYSTEMINFO, sys);
        COSDictionary fd = new COSDictionary();
        fd.setName(COSName.TYPE, "FontDescriptor");
        fd.setName(COSName.FONT_NAME, "STSong-Light");
        fd.setInt(COSName.FLAGS, 6);
        fd.setItem(COSName.FONT_BBOX, new PDRectangle(-25, -254, 1025, 1134).getCOSArray());
        fd.setInt(COSName.ITALIC_ANGLE, 0);
        fd.setInt(COSName.ASCENT, 880);
        fd.setInt(COSName.DESCENT, -120);
        fd.setInt(COSName.CAP_HEIGHT, 880);
        fd.setInt(COSName.STEM_V, 93);
        cid.setItem(COSName.FONT_DESC, fd);
        cid.setInt(COSName.DW, 1000);
        COSArray w = new COSArray();
        w.add(COSInteger.get(1));
        w.add(COSInteger.get(95));
        w.add(COSInteger.get(500));
        cid.setItem(COSName.W, w);
        COSDictionary f = new COSDictionary();
        f.setName(COSName.TYPE, "Font");
        f.setName(COSName.SUBTYPE, "Type0");
        f.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UCS2-H");
        f.setName(COSName.ENCODING, "UniGB-UCS2-H");
        COSArray d = new COSArray();
        d.add(cid);
        f.setItem(COSName.DESCENDANT_FONTS, d);
        return f;
    }
}
