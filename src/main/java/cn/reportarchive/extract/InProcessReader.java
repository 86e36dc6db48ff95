package cn.reportarchive.extract;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tika in this process, each parse on a daemon thread so that the caller can give up after the time
 * limit. PDFBox and POI do not heed interrupts: a parse given up on runs on and keeps its memory,
 * which is why the server and the importer read documents in child processes instead
 * ({@link WorkerReader}); this one is for tests and for measuring what the isolation costs.
 */
final class InProcessReader implements DocumentReader {
    private final TikaReader tika;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "extract");
        t.setDaemon(true);
        return t;
    });

    InProcessReader(ExtractionLimits limits) {
        this.tika = new TikaReader(limits.maxChars());
        this.timeout = limits.timeout();
    }

    @Override
    public RawText read(byte[] bytes, String filename) throws ExtractionException {
        Future<RawText> result = threads.submit(() -> tika.read(bytes, filename));
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
