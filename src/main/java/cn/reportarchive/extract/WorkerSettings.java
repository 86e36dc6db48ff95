package cn.reportarchive.extract;

/**
 * The parser processes: how many run side by side (each reads one file at a time), the heap each may
 * use, and after how many files one is replaced by a fresh one (so that nothing a parser leaks adds up).
 */
public record WorkerSettings(int workers, int heapMb, int filesPerWorker) {
    public static final int DEFAULT_HEAP_MB = 512;

    public static WorkerSettings defaults() {
        return new WorkerSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_HEAP_MB, 1000);
    }
}
