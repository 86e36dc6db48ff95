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
 * runs, with tesseract on one thread and on its own threads, at each dpi, and the processor time a
 * page takes; and the character error rate of the normalised text against the text PDF's, as edit
 * distance over Han characters.
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
        out.printf(Locale.ROOT, "%d PDFs from %s; %d cores; %d runs, the settings taken in turn within each run"
                + " (a shared machine's load then falls on all alike); medians%n",
                files.size(), s.pdfs(), Runtime.getRuntime().availableProcessors(), s.runs());
        List<Setting> settings = new ArrayList<>();
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
                    settings.add(new Setting(dpi, oneThread, docs, new double[s.runs()], new double[s.runs()],
                            new StringBuilder(), new StringBuilder()));
                }
            }
        }
        for (int run = 0; run < s.runs(); run++) {
            for (Setting setting : settings) {
                Tesseract tesseract = setting.oneThread() ? new Tesseract() : Tesseract.withItsOwnThreads();
                ScanReader reader = new ScanReader(tesseract, new OcrSettings(setting.dpi(), Duration.ofSeconds(120), 1000),
                        PageGate.OPEN);
                double cpuBefore = cpuSeconds();
                long started = System.nanoTime();
                for (Doc d : setting.docs()) {
                    OcrResult result = reader.readPdf(d.scan(), List.of());
                    if (run == 0) {
                        setting.reference().append(han(d.source()));
                        setting.read().append(han(normalizer.normalize(result.text(), true)));
                    }
                }
                int pages = setting.pages();
                setting.wall()[run] = (System.nanoTime() - started) / 1e9 / pages;
                setting.cpu()[run] = (cpuSeconds() - cpuBefore) / pages;
            }
        }
        out.println("| dpi | tesseract threads | pages | pages/s (median) | s/page (median) | runs (s/page) | CPU s/page (median) | CER (Han) |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (Setting setting : settings) {
            double wall = median(setting.wall());
            out.printf(Locale.ROOT, "| %d | %s | %d | %.3f | %.2f | %s | %.2f | %.2f %% |%n", setting.dpi(),
                    setting.oneThread() ? "1 (OMP_THREAD_LIMIT=1)" : "its own", setting.pages(), 1 / wall, wall,
                    Arrays.toString(Arrays.stream(setting.wall()).map(v -> Math.round(v * 100) / 100.0).toArray()),
                    median(setting.cpu()),
                    100 * CharacterErrors.rate(setting.reference().toString(), setting.read().toString()));
        }
        out.flush();
    }

    private record Setting(int dpi, boolean oneThread, List<Doc> docs, double[] wall, double[] cpu,
            StringBuilder reference, StringBuilder read) {
        int pages() {
            return docs.stream().mapToInt(Doc::pages).sum();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Processor time of this JVM (rendering, PGM) plus its finished children (tesseract): Linux's
     * /proc/self/stat utime, stime, cutime and cstime, in clock ticks of 1/100 s. Steadier than the
     * wall clock on a shared machine, and it shows what tesseract's own threads cost.
     */
    private static double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name, counted from 3: utime is 14, stime 15, cutime 16, cstime 17
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return ticks / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String han(String s) {
        return s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
