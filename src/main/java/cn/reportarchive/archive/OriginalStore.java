package cn.reportarchive.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The submitted files, byte for byte, named by their SHA-256 (originals/ab/abcdef…).
 * A file is written to a temporary name, synced, then renamed: a crash leaves either
 * the whole original or none.
 */
public final class OriginalStore {
    private final Path root;

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
