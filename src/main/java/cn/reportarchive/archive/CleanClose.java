package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mark in the data directory that the last process holding the archive closed it whole: every
 * write finished, the index and the catalog closed. Opening takes the mark away first, so a process
 * that dies leaves none, and the next one runs the full recovery; with the mark, the next one can
 * skip it (comparing every report id of the index and the catalog, and walking every original, is
 * what made a 100,000-report archive slow to open).
 */
public final class CleanClose {
    private final Path mark;

    public CleanClose(Path mark) {
        this.mark = mark;
    }

    /**
     * Whether the last process closed the archive whole; takes the mark away, durably, before anything
     * is written. Call only while holding the archive's write lock (the index lock).
     */
    public boolean consume() throws IOException {
        if (!Files.deleteIfExists(mark)) {
            return false;
        }
        OriginalStore.syncDirectory(mark.getParent());
        return true;
    }

    /** Marks the archive as closed whole; call after the index and the catalog closed without error. */
    public void mark() throws IOException {
        try (FileChannel channel = FileChannel.open(mark, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.force(true);
        }
        OriginalStore.syncDirectory(mark.getParent());
    }
}
