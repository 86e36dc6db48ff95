package cn.reportarchive.extract;

/**
 * The parser processes: how many run side by side (each reads one file at a time), the heap each may
 * use, after how many files one is replaced by a fresh one (so that nothing a parser leaks adds up),
 * and how many pages may be OCR'd at once across all of them: tesseract keeps a core busy for seconds
 * a page, and a 200-page scan must not take every core from the server and the other imports.
 */
public record WorkerSettings(int workers, int heapMb, int filesPerWorker, int ocrPagesAtOnce) {
    public static final int DEFAULT_HEAP_MB = 512;

    public WorkerSettings(int workers, int heapMb, int filesPerWorker) {
        this(workers, heapMb, filesPerWorker, defaultOcrPagesAtOnce());
    }

    public static WorkerSettings defaults() {
        return new WorkerSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_HEAP_MB, 1000);
    }

    /** Half the cores (one on this 2-core machine): the other half stays for searching and parsing. */
    private static int defaultOcrPagesAtOnce() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
