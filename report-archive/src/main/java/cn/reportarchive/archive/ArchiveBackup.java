package cn.reportarchive.archive;

import cn.reportarchive.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The whole archive in one zip file and back. A backup holds a snapshot of every SQLite database of
 * the data directory (the catalog with whatever tables it has, taken with VACUUM INTO as of one
 * moment, while a server goes on writing), the originals that snapshot names, the data directory's
 * own files (aspects.tsv, related-words.txt), and last a manifest with the SHA-256 and size of every
 * entry. It needs no lock: the catalog is read through a read-only connection, originals are files
 * that are never changed once written. The index is not in it: it is rebuilt from the catalog.
 */
public final class ArchiveBackup {
    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "report-archive-backup";
    private static final ObjectMapper JSON = JsonMappers.pretty();

    private ArchiveBackup() {
    }

    /** One file of the backup: where it goes in the data directory, its SHA-256 and size. */
    public record Entry(String path, String sha256, long size) {
    }

    public record Manifest(String format, int version, String created, int reports, List<Entry> files) {
    }

    /** What was written or brought back, and what was wrong with the archive itself (not the backup). */
    public record Result(int reports, int originals, long bytes, List<String> problems) {
    }

    /** The backup or its target cannot be used; the message says why in one sentence. */
    public static final class BackupException extends Exception {
        private final boolean usage;

        BackupException(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }

        /** The caller's mistake (a target that is not empty), rather than a damaged backup. */
        public boolean usage() {
            return usage;
        }
    }

    public static Result backup(Path dataDir, Path target) throws IOException, SQLException {
        DataDirectory data = new DataDirectory(dataDir);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path scratch = Files.createTempDirectory(parent, ".backup-");
        Path part = parent.resolve(target.getFileName() + ".part");
        try {
            Map<String, Path> snapshots = new TreeMap<>();
            for (Path db : rootFiles(dataDir, true)) {
                Path copy = scratch.resolve(db.getFileName().toString());
                Catalog.snapshot(db, copy);
                snapshots.put(db.getFileName().toString(), copy);
            }
            Path catalogCopy = snapshots.get(data.catalog().getFileName().toString());
            if (catalogCopy == null) {
                throw new IOException(dataDir + " 不是档案库目录（没有 catalog.db）");
            }
            List<Entry> entries = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int reports;
            try (OutputStream file = Files.newOutputStream(part);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                zip.setLevel(Deflater.BEST_SPEED);
                reports = addOriginals(data, catalogCopy, zip, entries, problems);
                problems.addAll(cn.reportarchive.auth.AuditChain.check(catalogCopy).problems());
                for (Map.Entry<String, Path> s : snapshots.entrySet()) {
                    entries.add(add(zip, s.getKey(), s.getValue()));
                }
                for (Path own : rootFiles(dataDir, false)) {
                    entries.add(add(zip, own.getFileName().toString(), own));
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writeValueAsBytes(new Manifest(FORMAT, 1, Instant.now().toString(), reports, entries)));
                zip.closeEntry();
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            move(part, target);
            OriginalStore.syncDirectory(parent);
            long originals = entries.stream().filter(e -> e.path().startsWith("originals/")).count();
            return new Result(reports, (int) originals, Files.size(target), problems);
        } finally {
            deleteTree(scratch);
            Files.deleteIfExists(part);
        }
    }

    /**
     * The originals the catalog snapshot names. One deleted since the snapshot was taken takes its
     * rows out of the snapshot; one missing or altered while its row stands is damage, said and kept.
     */
    private static int addOriginals(DataDirectory data, Path catalogCopy, ZipOutputStream zip, List<Entry> entries,
                                    List<String> problems) throws IOException, SQLException {
        OriginalStore store = new OriginalStore(data.originals());
        Map<String, String> shaById;
        try (Catalog snapshot = Catalog.readOnly(catalogCopy)) {
            shaById = snapshot.shaById();
        }
        Set<String> gone = new HashSet<>();
        Set<String> done = new HashSet<>();
        try (Catalog live = Catalog.readOnly(data.catalog())) {
            for (Map.Entry<String, String> row : shaById.entrySet()) {
                String sha = row.getValue();
                if (!done.add(sha)) {
                    continue;
                }
                Path original = store.pathOf(sha);
                if (!Files.isRegularFile(original)) {
                    if (live.idOfSha(sha).isEmpty()) {
                        gone.add(row.getKey()); // deleted after the snapshot: not part of the archive any more
                    } else {
                        problems.add("原件缺失：" + live.filenameOf(row.getKey()).orElse("") + "（编号 " + row.getKey() + "）。");
                    }
                    continue;
                }
                Entry entry = add(zip, "originals/" + sha.substring(0, 2) + "/" + sha, original);
                entries.add(entry);
                if (!entry.sha256().equals(sha)) {
                    problems.add("原件已被改动，内容与登记的 SHA-256 不符：编号 " + row.getKey() + "。");
                }
            }
        }
        if (!gone.isEmpty()) {
            try (Catalog snapshot = new Catalog(catalogCopy)) {
                for (String id : gone) {
                    snapshot.delete(id);
                }
            }
        }
        return shaById.size() - gone.size();
    }

    /** Copies a file into the zip, hashing what it writes. */
    private static Entry add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest digest = Hashes.newDigest();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                zip.write(buffer, 0, n);
                size += n;
            }
        }
        zip.closeEntry();
        return new Entry(name, Hashes.hex(digest), size);
    }

    /**
     * Unpacks a backup into an empty data directory, checking every file against the manifest's
     * SHA-256 and size (and every original against its name) as it goes; a damaged backup leaves the
     * directory empty again. The index is not built here: opening the archive builds it.
     */
    public static Result restore(Path backup, Path dataDir) throws IOException, SQLException, BackupException {
        if (Files.exists(dataDir) && (!Files.isDirectory(dataDir) || !isEmpty(dataDir))) {
            throw new BackupException("恢复的目标目录 " + dataDir + " 不是空的：请指定一个新的或空的目录，以免覆盖现有档案。", true);
        }
        Manifest manifest;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            manifest = manifest(zip);
            Files.createDirectories(dataDir);
            try {
                List<String> problems = new ArrayList<>();
                for (Entry e : manifest.files()) {
                    extract(zip, e, dataDir, problems);
                }
                DataDirectory data = new DataDirectory(dataDir);
                // a restored archive is checked whole when first opened, whatever a hand-made backup holds
                Files.deleteIfExists(data.cleanClose());
                OriginalStore store = new OriginalStore(data.originals());
                int originals = store.hashes().size();
                // a backup whose audit entries were cut out restores, but says so
                problems.addAll(cn.reportarchive.auth.AuditChain.check(data.catalog()).problems());
                try (Catalog catalog = Catalog.readOnly(data.catalog())) {
                    for (Map.Entry<String, String> row : catalog.shaById().entrySet()) {
                        if (!Files.isRegularFile(store.pathOf(row.getValue()))) {
                            problems.add("备份中没有该材料的原件：" + catalog.filenameOf(row.getKey()).orElse("")
                                    + "（编号 " + row.getKey() + "）。");
                        }
                    }
                    return new Result(catalog.count(), originals, Files.size(backup), problems);
                }
            } catch (IOException | SQLException | BackupException | RuntimeException e) {
                emptyDirectory(dataDir);
                throw e;
            }
        } catch (java.util.zip.ZipException e) {
            throw new BackupException("文件 " + backup.getFileName() + " 不是有效的备份文件（无法按 zip 格式读取）。", false);
        }
    }

    private static Manifest manifest(ZipFile zip) throws IOException, BackupException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupException("该文件不是档案库的备份（其中没有 manifest.json）。", false);
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, Manifest.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BackupException("备份文件的清单 manifest.json 已损坏，无法恢复。", false);
        }
        if (!FORMAT.equals(manifest.format()) || manifest.files() == null) {
            throw new BackupException("该文件不是档案库的备份（清单格式不符）。", false);
        }
        return manifest;
    }

    /** One entry to its place, refused when its path leads out of the directory or its bytes are not the manifest's. */
    private static void extract(ZipFile zip, Entry e, Path dataDir, List<String> problems)
            throws IOException, BackupException {
        Path target = dataDir.resolve(e.path()).normalize();
        if (e.path().contains("\\") || e.path().startsWith("/") || !target.startsWith(dataDir.normalize())
                || target.equals(dataDir.normalize())) {
            throw new BackupException("备份文件中有非法的路径（" + e.path() + "），已拒绝恢复。", false);
        }
        ZipEntry entry = zip.getEntry(e.path());
        if (entry == null) {
            throw new BackupException("备份文件不完整：缺少 " + e.path() + "。", false);
        }
        Files.createDirectories(target.getParent());
        MessageDigest digest = Hashes.newDigest();
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > e.size()) {
                    break; // more than the manifest says: damaged (or a bomb), and not worth reading on
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (java.util.zip.ZipException damaged) {
            throw new BackupException("备份文件已损坏：" + e.path() + " 无法解压。", false);
        }
        if (size != e.size() || !Hashes.hex(digest).equals(e.sha256())) {
            throw new BackupException("备份文件已损坏：" + e.path() + " 的 SHA-256 或大小与清单不符，已拒绝恢复。", false);
        }
        String name = target.getFileName().toString();
        if (e.path().startsWith("originals/") && OriginalStore.isHash(name) && !name.equals(e.sha256())) {
            problems.add("备份时原件已被改动（内容与文件名的 SHA-256 不符）：" + e.path() + "。");
        }
    }

    /** SQLite databases (true) or the directory's other own files (false) directly in the data directory. */
    private static List<Path> rootFiles(Path dataDir, boolean databases) throws IOException {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                boolean db = name.endsWith(".db");
                boolean transient_ = name.endsWith("-wal") || name.endsWith("-shm") || name.endsWith("-journal")
                        || name.endsWith(".lock") || name.startsWith(".");
                return databases ? db : !db && !transient_;
            }).sorted().toList();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void emptyDirectory(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        emptyDirectory(dir);
        Files.deleteIfExists(dir);
    }
}
