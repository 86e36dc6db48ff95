package cn.reportarchive.extract.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One page image to words, by Debian's {@code tesseract} binary with its simplified-Chinese data,
 * called directly rather than through Tika's OCR parser module (tika-parser-ocr-module 3.3.1).
 *
 * <p>Measured on page 1 of {@code formats/report.pdf} rendered at 200 dpi, rotated 1° with noise
 * (2 shared cores): tesseract itself 2.5–2.7 s with {@code OMP_THREAD_LIMIT=1} (5.9 s with its own
 * threads); through Tika's {@code TesseractOCRParser} 2.5–2.8 s, the same binary doing the same work
 * — speed does not choose. What does: Tika's parser takes a whole image or, inside its PDF parser,
 * a whole document, and gives back one text. It cannot say "page 7 of 200 is starting" (progress),
 * cannot wait for a turn before each page (the bound on OCR across processes), cannot give each page
 * its own deadline or cap the pages, and decides which PDF pages to OCR by its own rule. Its output
 * also put a space between almost every pair of Chinese characters (2,459 characters against 1,522
 * for the same page here). Called directly the program is one process per page that this class
 * starts, times and kills; the module and commons-exec would be two more jars for less control.
 *
 * <p>Page segmentation mode 1 (automatic, with orientation detection by the Debian package's
 * {@code osd} data) rather than 3: a page scanned upside down or sideways is turned before it is
 * read. Measured on a page of report.pdf turned 181°: mode 1 read it as upright text, mode 3 gave
 * noise; upright, mode 1 took 8.2 s against 8.9 s for mode 3 (same session, loaded machine).
 *
 * <p>The image goes as a raw 8-bit PGM file (writing it costs milliseconds, PNG encoding took
 * 0.7–1.4 s at 200 dpi); the answer comes as TSV so that every word has its confidence, from which
 * {@link OcrPage} judges whether the page was read at all.
 */
public final class Tesseract {
    /** The Debian packages' language: simplified Chinese; its character set has the digits and Latin letters too. */
    static final String LANGUAGE = "chi_sim";

    private final String program;
    private final boolean oneThread;

    public Tesseract() {
        this("tesseract", true);
    }

    Tesseract(String program) {
        this(program, true);
    }

    private Tesseract(String program, boolean oneThread) {
        this.program = program;
        this.oneThread = oneThread;
    }

    /** Tesseract with as many threads as it takes by itself: only for the benchmark that shows why not. */
    public static Tesseract withItsOwnThreads() {
        return new Tesseract("tesseract", false);
    }

    /** Whether the program runs here and has the Chinese data; null if so, else what is missing (for the log). */
    public String missing() {
        try {
            Process p = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return program + " --list-langs did not answer";
            }
            return out.lines().anyMatch(l -> l.strip().equals(LANGUAGE)) ? null : "no " + LANGUAGE + " data: " + out.strip();
        } catch (IOException e) {
            return program + " cannot be run: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The words of one page, or empty if tesseract did not finish within the time limit (it is killed).
     * One thread ({@code OMP_THREAD_LIMIT=1}): tesseract's own threads made a page 2–3 times slower
     * on two busy cores, and the bound on concurrent pages belongs to the caller.
     */
    public TesseractResult read(BufferedImage gray, Duration timeout) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("ocr");
        Path image = dir.resolve("page.pgm");
        Path base = dir.resolve("out");
        try {
            writePgm(gray, image);
            ProcessBuilder pb = new ProcessBuilder(program, image.toString(), base.toString(),
                    "-l", LANGUAGE, "--psm", "1", "tsv")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (oneThread) {
                pb.environment().put("OMP_THREAD_LIMIT", "1");
            } else {
                pb.environment().remove("OMP_THREAD_LIMIT");
            }
            Process p = pb.start();
            try {
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return TesseractResult.TIMED_OUT;
                }
            } finally {
                if (p.isAlive()) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            }
            Path tsv = dir.resolve("out.tsv");
            if (p.exitValue() != 0 || !Files.exists(tsv)) {
                throw new IOException("tesseract exited with " + p.exitValue());
            }
            return new TesseractResult(false, TsvWords.parse(Files.readAllLines(tsv, StandardCharsets.UTF_8)));
        } finally {
            for (Path p : List.of(image, dir.resolve("out.tsv"), dir)) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Netpbm P5: a header and the gray bytes row by row, which leptonica reads without decoding anything. */
    private static void writePgm(BufferedImage gray, Path file) throws IOException {
        int w = gray.getWidth();
        int h = gray.getHeight();
        Raster raster = gray.getRaster();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            int[] row = new int[w];
            byte[] bytes = new byte[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    bytes[x] = (byte) row[x];
                }
                out.write(bytes);
            }
        }
    }

    /** The words tesseract found, or that it ran out of time. */
    public record TesseractResult(boolean timedOut, List<TsvWords.Line> lines) {
        static final TesseractResult TIMED_OUT = new TesseractResult(true, List.of());
    }
}
