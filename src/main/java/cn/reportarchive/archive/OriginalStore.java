package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The submitted files, byte for byte, named by their SHA-256 (originals/ab/abcdef…).
 * A file is written to a temporary name, synced, then renamed: a crash leaves either
 * the whole original or none.
 */
public final class OriginalStore {
    /** Syncs wait on the disk, not the processor: more of them in flight than there are cores. */
    private static final int WRITERS = 8;

    private final Path root;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
        Thread t = new Thread(r, "original-writer");
        t.setDaemon(true);
        return t;
    });

    public OriginalStore(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    public Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    public boolean contains(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    public void put(String sha256, byte[] bytes) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return;
        }
        Path dir = Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(dir, sha256, ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Stores several originals at once. Each still reaches the disk before this returns, but their
     * syncs run side by side: one sync after another was most of a bulk import's time.
     */
    public void putAll(Map<String, byte[]> bySha) throws IOException {
        if (bySha.size() <= 1) {
            for (Map.Entry<String, byte[]> e : bySha.entrySet()) {
                put(e.getKey(), e.getValue());
            }
            return;
        }
        List<Future<?>> writes = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : bySha.entrySet()) {
            writes.add(writers.submit(() -> {
                put(e.getKey(), e.getValue());
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> w : writes) {
            try {
                w.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("写入原件时被中断", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    public byte[] read(String sha256) throws IOException {
        return Files.readAllBytes(pathOf(sha256));
    }

    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    /** Every stored hash (for checks that look for orphans). */
    public List<String> hashes() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("[0-9a-f]{64}"))
                    .sorted()
                    .toList();
        }
    }
}
