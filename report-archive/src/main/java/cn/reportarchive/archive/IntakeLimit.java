package cn.reportarchive.archive;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the bytes of files being taken in at once: an upload holds its whole file (up to the size
 * limit) in memory while it is parsed and stored, so many large uploads at once must wait their turn
 * rather than exhaust the heap. Counted in kilobytes, so that gigabytes fit the semaphore.
 */
public final class IntakeLimit {
    private final Semaphore kilobytes;
    private final int total;
    private final Duration wait;

    public IntakeLimit(long maxBytes, Duration wait) {
        this.total = (int) Math.min(Integer.MAX_VALUE, Math.max(1, maxBytes / 1024));
        this.kilobytes = new Semaphore(total, true);
        this.wait = wait;
    }

    /** Room for so many bytes, given back when the ticket is closed. */
    public final class Ticket implements AutoCloseable {
        private final int held;
        private boolean closed;

        private Ticket(int held) {
            this.held = held;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                kilobytes.release(held);
            }
        }
    }

    /** Waits for room for {@code bytes} (a file larger than the whole limit waits for all of it). */
    public Ticket admit(long bytes) throws ArchiveBusyException {
        int needed = (int) Math.min(total, Math.max(1, (bytes + 1023) / 1024));
        try {
            if (kilobytes.tryAcquire(needed, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Ticket(needed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new ArchiveBusyException("服务器正忙（同时上传的文件过多），请稍后重试。");
    }

    /** Bytes free now (for tests and the log). */
    public long available() {
        return kilobytes.availablePermits() * 1024L;
    }
}
