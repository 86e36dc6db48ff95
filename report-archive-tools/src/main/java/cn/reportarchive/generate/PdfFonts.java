package cn.reportarchive.generate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

/**
 * Which Chinese font the PDFs are set in. A TrueType-outline CJK font found on the system (宋体,
 * 仿宋, WenQuanYi, AR PL, Droid Sans Fallback …) is embedded as a subset, as Word's export does.
 * PDFBox cannot embed CFF-outline fonts such as the Noto CJK collection that many Linux systems
 * carry; without a TrueType one, the PDFs name the standard Adobe-GB1 font STSong-Light without
 * embedding it (as many Chinese PDF tools do), which needs no font file at all.
 */
public final class PdfFonts {
    /** An embeddable font: a .ttf file, or a font of a .ttc collection by name. */
    public record Choice(Path file, String nameInCollection) {
        public boolean standard() {
            return file == null;
        }

        public String describe() {
            return standard() ? "STSong-Light (standard, not embedded)"
                    : file + (nameInCollection != null ? " (" + nameInCollection + ")" : "") + ", embedded subset";
        }
    }

    public static final Choice STANDARD = new Choice(null, null);

    /** Characters the reports use beyond plain Han: a font must have them all. */
    private static final String NEEDED = "中党“”‘’（）《》、，。；：？！…—·①②③④⑤⑥⑦⑧⑨⑩〇　0123456789.%-ABCZ ";

    private static final List<String> PREFERRED = List.of("simfang", "simsun", "fangsong", "simkai", "simhei",
            "wqy-zenhei", "wqy-microhei", "uming", "ukai", "droidsansfallback", "notosanssc", "notoserifsc",
            "sourcehansans", "arphic", "msyh");

    private PdfFonts() {
    }

    /** A font named by the user: a path to a .ttf/.ttc, or "standard". */
    public static Choice named(String spec) throws IOException {
        if (spec.equalsIgnoreCase("standard")) {
            return STANDARD;
        }
        Choice c = probe(Path.of(spec));
        if (c == null) {
            throw new IOException(spec + " 不是可嵌入的 TrueType 中文字体（需要 TrueType 轮廓并包含汉字）。");
        }
        return c;
    }

    /** The first embeddable CJK font on this system, or the standard font. */
    public static Choice find() {
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("user.home", "");
        for (String dir : List.of("/usr/share/fonts", "/usr/local/share/fonts", home + "/.fonts",
                home + "/.local/share/fonts", "C:\\Windows\\Fonts", "/System/Library/Fonts", "/Library/Fonts")) {
            Path d = Path.of(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(d, 4)) {
                walk.filter(Files::isRegularFile).filter(PdfFonts::looksCjk).sorted().forEach(candidates::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable font folder is passed over
            }
        }
        candidates.sort((a, b) -> Integer.compare(rank(a), rank(b)));
        for (Path p : candidates) {
            Choice c = probe(p);
            if (c != null) {
                return c;
            }
        }
        return STANDARD;
    }

    private static boolean looksCjk(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return (n.endsWith(".ttf") || n.endsWith(".ttc")) && rank(p) < PREFERRED.size();
    }

    private static int rank(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replace(" ", "");
        for (int i = 0; i < PREFERRED.size(); i++) {
            if (n.startsWith(PREFERRED.get(i)) || n.contains(PREFERRED.get(i))) {
                return i;
            }
        }
        return PREFERRED.size();
    }

    /** The file as an embeddable font, or null. */
    static Choice probe(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (n.endsWith(".ttc")) {
                try (TrueTypeCollection ttc = new TrueTypeCollection(p.toFile())) {
                    String[] found = new String[1];
                    ttc.processAllFonts(f -> {
                        if (found[0] == null && usable(f)) {
                            found[0] = f.getName();
                        }
                    });
                    return found[0] == null ? null : new Choice(p, found[0]);
                }
            }
            try (TrueTypeFont f = new org.apache.fontbox.ttf.TTFParser()
                    .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(p.toFile()))) {
                return usable(f) ? new Choice(p, null) : null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean usable(TrueTypeFont f) throws IOException {
        if (f instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false;
        }
        var cmap = f.getUnicodeCmapLookup(false);
        if (cmap == null || f.getGlyph() == null) {
            return false;
        }
        for (char c : NEEDED.toCharArray()) {
            if (cmap.getGlyphId(c) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Opens the chosen font for one document (the caller closes the collection, if any). */
    static TrueTypeFont open(Choice c, List<AutoCloseable> toClose) throws IOException {
        File f = c.file().toFile();
        if (c.nameInCollection() != null) {
            TrueTypeCollection ttc = new TrueTypeCollection(f);
            toClose.add(ttc);
            return ttc.getFontByName(c.nameInCollection());
        }
        TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
                .parse(new org.apache.pdfbox.io.RandomAccessReadBufferedFile(f));
        return ttf;
    }
}
