package cn.reportarchive.archive;

import java.io.IOException;

/**
 * The archive's write discipline, shared by every path that writes (imports, corrections, deletes,
 * reindex): one writer at a time on {@link #lock} (an index commit must never publish another
 * write's half), no write once the archive is closing (a write under way finishes first), and a mark
 * when a write failed part way, so that what it left goes to the next open's full recovery and the
 * archive is not marked as closed whole.
 */
final class WriteGuard {
    /** One writer at a time. */
    final Object lock = new Object();
    /** Read and set under {@link #lock}. */
    private boolean closing;
    private volatile boolean troubled;

    /** Refuses new writes; waits for the one under way. */
    void close() {
        synchronized (lock) {
            closing = true;
        }
    }

    /** Called under {@link #lock}: whether the archive is closing, so that no write may start. */
    boolean closing() {
        return closing;
    }

    /** Called under {@link #lock} before a write: the sentence for a caller that came too late. */
    void checkOpen() throws IOException {
        if (closing) {
            throw new IOException("档案库正在关闭");
        }
    }

    /** A write failed part way: what it left is for the next open's recovery. */
    void troubled() {
        troubled = true;
    }

    /** Whether every write of this session finished or was undone whole (see {@link CleanClose}). */
    boolean whole() {
        return !troubled;
    }
}
