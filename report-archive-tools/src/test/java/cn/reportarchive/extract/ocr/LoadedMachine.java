package cn.reportarchive.extract.ocr;

import cn.reportarchive.ApplicationOptions;
import cn.reportarchive.extract.ExtractionLimits;
import java.time.Duration;

/**
 * The OCR tests' settings: the product's, with far more time for a page and a file. These tests
 * check what OCR reads, not how fast (BENCHMARKS.md measures that); a page takes 3–10 s on a quiet
 * machine, and on a CI runner busy with other builds tesseract has been seen to pass the product's
 * 30 s a page, which failed a test that had nothing wrong with it.
 */
final class LoadedMachine {
    static final Duration PAGE_TIMEOUT = Duration.ofMinutes(4);

    static final OcrSettings OCR = OcrSettings.defaults().withPageTimeout(PAGE_TIMEOUT);

    /** The file's own limit covers rendering before the first page starts; each page then has its own. */
    static final ExtractionLimits LIMITS = new ExtractionLimits(ExtractionLimits.DEFAULT_MAX_BYTES, Duration.ofMinutes(5),
            ExtractionLimits.defaults().maxChars());

    static final ApplicationOptions OPTIONS = ApplicationOptions.defaults().withLimits(LIMITS).withOcr(OCR);

    private LoadedMachine() {
    }
}
