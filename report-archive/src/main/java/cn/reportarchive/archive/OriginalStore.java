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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The submitted files, byte for byte, named by their SHA-256 (originals/ab/abcdef…).
 * A file is written to a temporary name, synced, renamed, and its folder synced: a crash leaves
 * either the whole original or none (and perhaps a temporary file, which {@link #leftovers()} finds).
 */
public final class OriginalStore {
    /** Syncs wait on the disk, not the processor: more of them in flight than there are cores. */
    private static final int WRITERS = 8;
    private static final String TEMP_SUFFIX = ".part";

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
        putAll(Map.of(sha256, bytes));
    }

    /**
     * Writes one original to a temporary name, syncs it and renames it into place; the folder that
     * holds it is synced by the caller (a rename is durable only once its folder is).
     * Says whether it had to create the folder, whose own entry then needs the root synced too.
     */
    private boolean write(String sha256, byte[] bytes) throws IOException {
        Path target = pathOf(sha256);
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return false;
        }
        boolean created = !Files.isDirectory(target.getParent());
        Path dir = Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(dir, sha256, TEMP_SUFFIX);
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
        return created;
    }

    /**
     * Stores several originals at once and makes them durable before returning: each file synced,
     * then each folder they were renamed into (and the root, for a folder that is new). The file
     * syncs run side by side: one sync after another was most of a bulk import's time.
     */
    public void putAll(Map<String, byte[]> bySha) throws IOException {
        List<Future<Boolean>> writes = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : bySha.entrySet()) {
            writes.add(bySha.size() == 1 ? CompletableFuture.completedFuture(write(e.getKey(), e.getValue()))
                    : writers.submit(() -> write(e.getKey(), e.getValue())));
        }
        IOException failure = null;
        boolean newFolder = false;
        for (Future<Boolean> w : writes) {
            try {
                newFolder |= w.get();
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
        Set<Path> folders = new TreeSet<>();
        bySha.keySet().forEach(sha -> folders.add(pathOf(sha).getParent()));
        for (Path folder : folders) {
            syncDirectory(folder);
        }
        if (newFolder) {
            syncDirectory(root);
        }
    }

    /** Makes a folder's entries (a rename, a new file) durable; where the system cannot, nothing more can be done. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException e) {
            // not every platform can sync a folder; Linux can
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
        return files().stream().map(p -> p.getFileName().toString()).filter(OriginalStore::isHash).sorted().toList();
    }

    /** Files a crash left half written (temporary names that were never renamed into place). */
    public List<Path> leftovers() throws IOException {
        return files().stream().filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).sorted().toList();
    }

    /** Where a file stands under the store, for messages (originals/ab/abcd…). */
    public String describe(Path file) {
        return root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/');
    }

    private List<Path> files() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static boolean isHash(String name) {
        return name.length() == 64 && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
