package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * A lock on a file of the data directory, held by the archive from the first original a write stores
 * to its last catalog row (an import batch, a deletion): another process that reads the archive file by
 * file (verify) can wait until no write is half done, whatever the machine's load, instead of pausing
 * for a while and hoping the write is over.
 */
public final class WritesUnderWay implements AutoCloseable {
    private final FileChannel channel;

    private WritesUnderWay(FileChannel channel) {
        this.channel = channel;
    }

    /** The archive's side: the file is made if need be. */
    public static WritesUnderWay open(Path file) throws IOException {
        return new WritesUnderWay(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE));
    }

    /**
     * Held until closed; waits while a reader holds it (a verify looking again, in another process or, in
     * the tests, in this one). Writes of this archive come one at a time (its write lock).
     */
    FileLock hold() throws IOException {
        while (true) {
            try {
                return channel.lock(); // blocks while another process holds it
            } catch (OverlappingFileLockException heldInThisProcess) {
                try {
                    Thread.sleep(20); // a lock of this same process: the JVM refuses to wait for it, so we poll
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted waiting for a verify to finish");
                }
            }
        }
    }

    /**
     * The reader's side: waits (up to {@code patience}) until no write of any process is under way and
     * keeps others from starting one until the lock is closed; empty when the archive never wrote (no
     * file) or a write outlasted the patience.
     */
    static Optional<AutoCloseable> await(Path file, Duration patience) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.WRITE); // a lock wants a writable channel; nothing is written
        } catch (IOException e) {
            return Optional.empty(); // e.g. a data directory we may only read: look again without waiting
        }
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException inThisProcess) {
                    lock = null; // an archive open in this same process is writing
                }
                if (lock != null) {
                    FileLock held = lock;
                    return Optional.of(() -> {
                        try {
                            held.release();
                        } finally {
                            channel.close();
                        }
                    });
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    return Optional.empty();
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
