package cn.reportarchive.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file of a data directory by content: catalog, originals and index. Equal states mean nothing
 * in the archive changed. SQLite's shared-memory file is left out (readers write their marks there),
 * and so is an empty write-ahead log (a read-only reader creates one; it holds nothing).
 */
public final class ArchiveState {
    private ArchiveState() {
    }

    public static Map<String, String> of(Path data) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(data)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String name = data.relativize(p).toString();
                if (!name.endsWith("-shm") && !(name.endsWith("-wal") && Files.size(p) == 0)) {
                    files.put(name, Hashes.sha256(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
