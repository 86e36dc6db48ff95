package cn.reportarchive.bench;

import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.extract.ocr.OcrResult;
import cn.reportarchive.extract.ocr.OcrSettings;
import cn.reportarchive.extract.ocr.PageGate;
import cn.reportarchive.extract.ocr.ScanReader;
import cn.reportarchive.extract.ocr.Tesseract;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * OCR speed and accuracy on scans made from text PDFs (each page rendered at the dpi measured,
 * turned ±1° and speckled with noise, saved as an image-only PDF — what the tests read): pages per
 * second through the archive's own OCR path (render, PGM, tesseract, page judged), median of the
 * runs, with tesseract on one thread and on its own threads, at each dpi; and the character error
 * rate of the normalised text against the text PDF's, as edit distance over Han characters.
 */
public final class OcrBench {
    public record Settings(Path pdfs, int documents, int runs, List<Integer> dpis) {
    }

    private final PrintStream out;

    public OcrBench(PrintStream out) {
        this.out = out;
    }

    private record Doc(String name, String source, byte[] scan, int pages) {
    }

    public void run(Settings s) throws Exception {
        String missing = new Tesseract().missing();
        if (missing != null) {
            throw new IllegalStateException("本机没有可用的 tesseract（简体中文）：" + missing);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.list(s.pdfs())) {
            files = walk.filter(p -> p.toString().endsWith(".pdf")).sorted().limit(s.documents()).toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("目录中没有 PDF 文件。");
        }
        TextNormalizer normalizer = new TextNormalizer();
        out.printf(Locale.ROOT, "%d PDFs from %s; %d cores; %d runs per setting, medians%n",
                files.size(), s.pdfs(), Runtime.getRuntime().availableProcessors(), s.runs());
        out.println("| dpi | tesseract threads | pages | pages/s (median) | s/page (median) | runs (s/page) | CER (Han) |");
        out.println("|---|---|---|---|---|---|---|");
        try (TikaExtractor text = new TikaExtractor(ExtractionLimits.defaults(), normalizer)) {
            for (int dpi : s.dpis()) {
                List<Doc> docs = new ArrayList<>();
                for (Path f : files) {
                    byte[] pdf = Files.readAllBytes(f);
                    List<BufferedImage> pages = ScanMaker.render(pdf, dpi, Integer.MAX_VALUE);
                    List<BufferedImage> scans = new ArrayList<>();
                    for (int i = 0; i < pages.size(); i++) {
                        scans.add(ScanMaker.degrade(pages.get(i), i % 2 == 0 ? 1.0 : -0.7, 12, i));
                    }
                    docs.add(new Doc(f.getFileName().toString(), text.extract(pdf, f.getFileName().toString()).text(),
                            ScanMaker.imagePdf(scans, dpi), pages.size()));
                }
                for (boolean oneThread : new boolean[] {true, false}) {
                    Tesseract tesseract = oneThread ? new Tesseract() : Tesseract.withItsOwnThreads();
                    ScanReader reader = new ScanReader(tesseract, new OcrSettings(dpi, Duration.ofSeconds(120), 1000), PageGate.OPEN);
                    int pages = docs.stream().mapToInt(Doc::pages).sum();
                    double[] perPage = new double[s.runs()];
                    StringBuilder reference = new StringBuilder();
                    StringBuilder read = new StringBuilder();
                    for (int run = 0; run < s.runs(); run++) {
                        long started = System.nanoTime();
                        for (Doc d : docs) {
                            OcrResult result = reader.readPdf(d.scan(), List.of());
                            if (run == 0) {
                                reference.append(han(d.source()));
                                read.append(han(normalizer.normalize(result.text(), true)));
                            }
                        }
                        perPage[run] = (System.nanoTime() - started) / 1e9 / pages;
                    }
                    double[] sorted = perPage.clone();
                    Arrays.sort(sorted);
                    double median = sorted[sorted.length / 2];
                    out.printf(Locale.ROOT, "| %d | %s | %d | %.3f | %.2f | %s | %.2f %% |%n", dpi,
                            oneThread ? "1 (OMP_THREAD_LIMIT=1)" : "its own", pages, 1 / median, median,
                            Arrays.toString(Arrays.stream(perPage).map(v -> Math.round(v * 100) / 100.0).toArray()),
                            100 * CharacterErrors.rate(reference.toString(), read.toString()));
                    out.flush();
                }
            }
        }
    }

    private static String han(String s) {
        return s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
