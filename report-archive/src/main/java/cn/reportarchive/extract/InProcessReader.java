package cn.reportarchive.extract;

import cn.reportarchive.extract.ocr.OcrSettings;
import cn.reportarchive.extract.ocr.ScanReader;
import cn.reportarchive.extract.ocr.Tesseract;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tika in this process, each parse on a daemon thread so that the caller can give up after the time
 * limit. PDFBox and POI do not heed interrupts: a parse given up on runs on and keeps its memory,
 * which is why the server and the importer read documents in child processes instead
 * ({@link WorkerReader}); this one is for tests and for measuring what the isolation costs.
 * As there, each page OCR starts moves the deadline on by the page's own time.
 */
final class InProcessReader implements DocumentReader {
    private final TikaReader tika;
    private final Duration timeout;
    private final OcrSettings ocr;
    /** When the running parse must end: the file's limit, moved on as each OCR page starts. */
    private final ThreadLocal<AtomicLong> deadline = new ThreadLocal<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "extract");
        t.setDaemon(true);
        return t;
    });

    InProcessReader(ExtractionLimits limits, OcrSettings ocr) {
        this.timeout = limits.timeout();
        this.ocr = ocr;
        this.tika = new TikaReader(limits.maxChars(), new ScanReader(new Tesseract(), ocr, this::pageStarts));
    }

    private void pageStarts(int page, int pages) {
        AtomicLong d = deadline.get();
        if (d != null) {
            d.accumulateAndGet(System.nanoTime() + ocr.pageDeadline().toNanos(), Math::max);
        }
    }

    @Override
    public RawText read(byte[] bytes, String filename) throws ExtractionException {
        AtomicLong until = new AtomicLong(System.nanoTime() + timeout.toNanos());
        Future<RawText> result = threads.submit(() -> {
            deadline.set(until);
            try {
                return tika.read(bytes, filename);
            } finally {
                deadline.remove();
            }
        });
        try {
            while (true) {
                try {
                    return result.get(Math.max(1, until.get() - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (System.nanoTime() >= until.get()) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ExtractionException(TikaExtractor.timeoutMessage(timeout));
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new ExtractionException("解析被中断。");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExtractionException x) {
                throw x;
            }
            throw TikaReader.translate(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
