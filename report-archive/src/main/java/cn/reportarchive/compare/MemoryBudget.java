package cn.reportarchive.compare;

/**
 * How much heap an archive-wide answer may take: asked before the answer is computed, so a
 * server short of memory says so in a sentence (503) instead of failing part way, and goes on
 * serving everything else. The default is what the heap has free now, less a reserve for the
 * requests served meanwhile; a test gives a small fixed budget.
 */
public interface MemoryBudget {
    /** Bytes the answer may take now. */
    long available();

    /** Throws the sentence when {@code bytes} are more than the budget allows. */
    default void require(long bytes, String sentence) throws CompareException {
        if (bytes > available()) {
            throw new CompareException(CompareException.Reason.UNAVAILABLE, sentence);
        }
    }

    /**
     * What the heap has free now (up to its maximum), less a quarter of the maximum kept for other
     * requests. "Used" counts garbage not yet collected, so before refusing, the heap is collected
     * once and asked again: without it a 512 MB server refused the common problems of 100,000
     * reports that needed a third of what it had.
     */
    static MemoryBudget ofHeap() {
        return new MemoryBudget() {
            @Override
            public long available() {
                Runtime rt = Runtime.getRuntime();
                long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
                return free - rt.maxMemory() / 4;
            }

            @Override
            public void require(long bytes, String sentence) throws CompareException {
                if (bytes > available()) {
                    System.gc(); // only on the way to a refusal: archive-wide answers are rare and large
                    MemoryBudget.super.require(bytes, sentence);
                }
            }
        };
    }

    static MemoryBudget of(long bytes) {
        return () -> bytes;
    }
}
