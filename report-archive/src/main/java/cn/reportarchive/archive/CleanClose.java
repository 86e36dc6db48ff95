package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mark in the data directory that the last process holding the archive closed it whole: every
 * write finished, the index and the catalog closed. Opening takes the mark away first, so a process
 * that dies leaves none, and the next one runs the full recovery; with the mark, the next one can
 * skip it (comparing every report id of the index and the catalog, and walking every original, is
 * what made a 100,000-report archive slow to open). The mark names the index commit it was made
 * with: an index lost or replaced since then is not taken for the one that was closed.
 */
public final class CleanClose {
    private final Path mark;

    public CleanClose(Path mark) {
        this.mark = mark;
    }

    /**
     * Whether the last process closed the archive whole with the index at this commit generation;
     * takes the mark away, durably, before anything is written. Call only while holding the
     * archive's write lock (the index lock).
     */
    public boolean consume(long indexGeneration) throws IOException {
        String said;
        try {
            said = Files.readString(mark, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            return false;
        }
        Files.delete(mark);
        OriginalStore.syncDirectory(mark.getParent());
        return said.equals(Long.toString(indexGeneration));
    }

    /**
     * Marks the archive as closed whole, with the index at this commit generation: call once no
     * write can start any more and every write has been committed, before the index lock is let go.
     */
    public void mark(long indexGeneration) throws IOException {
        try (FileChannel channel = FileChannel.open(mark, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(Long.toString(indexGeneration).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        OriginalStore.syncDirectory(mark.getParent());
    }
}
