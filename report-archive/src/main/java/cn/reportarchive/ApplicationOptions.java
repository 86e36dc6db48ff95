package cn.reportarchive;

import cn.reportarchive.compare.MemoryBudget;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.extract.TextNormalizer;
import cn.reportarchive.extract.TikaExtractor;
import cn.reportarchive.extract.WorkerSettings;
import cn.reportarchive.extract.ocr.OcrSettings;

/**
 * What an {@link Application} is built from besides its data directory: what one file may cost
 * ({@link ExtractionLimits}), the parser processes ({@link WorkerSettings}), OCR ({@link OcrSettings})
 * and how files are read at all (the extractor, made from those settings), and what archive-wide answers
 * may take of the heap ({@link MemoryBudget}). The defaults are the
 * product's; a test or a measurement plugs in its own extractor (Tika in this process, say), an OCR
 * setting its own page limits, without a second way of wiring the application.
 */
public record ApplicationOptions(ExtractionLimits limits, WorkerSettings workers, OcrSettings ocr,
                                 ExtractorFactory extractor, MemoryBudget memory) {
    /** Makes the extractor from the options' settings; the application closes it. */
    @FunctionalInterface
    public interface ExtractorFactory {
        TikaExtractor create(ApplicationOptions options);
    }

    /** Office and PDF files parsed in child processes: a runaway parser cannot take the archive down. */
    public static final ExtractorFactory ISOLATED = o -> TikaExtractor.isolated(o.limits(), new TextNormalizer(),
            o.workers(), o.ocr());

    public static ApplicationOptions defaults() {
        return new ApplicationOptions(ExtractionLimits.defaults(), WorkerSettings.defaults(), OcrSettings.defaults(),
                ISOLATED, MemoryBudget.ofHeap());
    }

    public ApplicationOptions withLimits(ExtractionLimits limits) {
        return new ApplicationOptions(limits, workers, ocr, extractor, memory);
    }

    public ApplicationOptions withWorkers(WorkerSettings workers) {
        return new ApplicationOptions(limits, workers, ocr, extractor, memory);
    }

    public ApplicationOptions withOcr(OcrSettings ocr) {
        return new ApplicationOptions(limits, workers, ocr, extractor, memory);
    }

    /** A test gives a small budget to see the archive-wide answers refused with a sentence. */
    public ApplicationOptions withMemory(MemoryBudget memory) {
        return new ApplicationOptions(limits, workers, ocr, extractor, memory);
    }

    public ApplicationOptions withExtractor(ExtractorFactory extractor) {
        return new ApplicationOptions(limits, workers, ocr, extractor, memory);
    }
}
