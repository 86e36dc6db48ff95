package cn.reportarchive.extract.ocr;

import java.time.Duration;

/**
 * What OCR of one file may cost. A page takes 2.5–5 s at 200 dpi on one core here; a page not done
 * in {@link #pageTimeout} is left out with a warning, and a file has at most {@link #maxPages} pages
 * read (a 200-page scan is about 15 minutes on one core; past the cap the rest is named as unread).
 * {@code dpi}: 200 read the test scans' small characters (小四, 12 pt) better than 150 at about the
 * same cost per page (BENCHMARKS.md).
 */
public record OcrSettings(int dpi, Duration pageTimeout, int maxPages) {
    public static final int DEFAULT_DPI = 200;
    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_PAGES = 300;

    public static OcrSettings defaults() {
        return new OcrSettings(DEFAULT_DPI, DEFAULT_PAGE_TIMEOUT, DEFAULT_MAX_PAGES);
    }

    /** The same with another time a page may take (tests on a loaded machine, where tesseract runs slow). */
    public OcrSettings withPageTimeout(Duration timeout) {
        return new OcrSettings(dpi, timeout, maxPages);
    }

    /** What the archive allows one page, rendering included, before it kills the parser process. */
    public Duration pageDeadline() {
        return pageTimeout.plusSeconds(30);
    }
}
