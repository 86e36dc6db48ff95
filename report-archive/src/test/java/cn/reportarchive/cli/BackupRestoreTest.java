package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.web.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * backup writes the whole archive to one file (originals, every table of the catalog, other
 * databases and the directory's own files), restore brings it back into an empty directory checked
 * by hashes and rebuilds the index: the same reports, bytes and search results. A damaged or hostile
 * backup is refused and leaves nothing. And a backup taken while serve imports holds every report
 * acknowledged before it began.
 */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class BackupRestoreTest {
    @TempDir
    static Path tmp;
    private static Path data;
    private static Path backup;

    @BeforeAll
    static void archiveAndBackup() throws Exception {
        data = tmp.resolve("data");
        CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt", "linjiang-sjj-2022.txt", "linjiang-czj-2022.docx");
        assertEquals(0, CliRunner.run("import", tmp.resolve("in").toString(), "--data", data.toString()).code());
        // tables and files beside the reports, as accounts and the audit log add them (the catalog
        // already has the real audit table: this one stands for any table a later version adds)
        sql(new DataDirectory(data).catalog(), "CREATE TABLE extra_log (at TEXT, who TEXT, what TEXT)",
                "INSERT INTO extra_log VALUES ('2025-01-02T03:04:05Z', 'admin', '检索：八项规定')",
                "INSERT INTO extra_log VALUES ('2025-01-02T03:05:00Z', 'admin', '下载原件')");
        sql(data.resolve("users.db"), "CREATE TABLE users (name TEXT, hash TEXT)", "INSERT INTO users VALUES ('admin', 'x')");
        Files.writeString(data.resolve("related-words.txt"), "# 本单位的说法\n结对帮扶，对口帮扶\n");
        backup = tmp.resolve("archive-backup.zip");
        CliRunner.Result r = CliRunner.run("backup", backup.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("备份完成：3 份材料，3 个原件"), r.err());
    }

    @Test
    void restoreBringsBackEverythingCheckedByHash() throws Exception {
        Path restored = tmp.resolve("restored");
        CliRunner.Result r = CliRunner.run("restore", backup.toString(), "--data", restored.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("恢复完成：3 份材料") && r.err().contains("SHA-256"), r.err());

        JsonNode before = CliRunner.run("list", "--json", "--data", data.toString()).json();
        assertEquals(before, CliRunner.run("list", "--json", "--data", restored.toString()).json());
        for (JsonNode summary : before) {
            String id = summary.get("id").asText();
            assertEquals(CliRunner.run("show", id, "--json", "--data", data.toString()).json(),
                    CliRunner.run("show", id, "--json", "--data", restored.toString()).json());
        }
        assertEquals(files(new DataDirectory(data).originals()), files(new DataDirectory(restored).originals()));
        assertEquals(rows(new DataDirectory(data).catalog(), "SELECT * FROM extra_log"),
                rows(new DataDirectory(restored).catalog(), "SELECT * FROM extra_log"));
        // the log as backed up: the backup records itself in the live archive after its snapshot, the
        // restore in the restored one
        String asBackedUp = "SELECT * FROM audit WHERE action NOT IN ('backup', 'restore')";
        assertEquals(rows(new DataDirectory(data).catalog(), asBackedUp), rows(new DataDirectory(restored).catalog(), asBackedUp));
        assertEquals(List.of("admin|x"), rows(restored.resolve("users.db"), "SELECT * FROM users"));
        assertEquals(Files.readString(data.resolve("related-words.txt")), Files.readString(restored.resolve("related-words.txt")));
        for (String q : List.of("理论学习", "对口帮扶", "八项规定")) {
            assertEquals(CliRunner.run("search", q, "--json", "--data", data.toString()).json().get("total"),
                    CliRunner.run("search", q, "--json", "--data", restored.toString()).json().get("total"), q);
        }
        assertEquals(0, CliRunner.run("verify", "--data", restored.toString()).code());
    }

    @Test
    void theBackupCarriesAManifestOfHashes() throws Exception {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            JsonNode manifest = CliRunner.JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertEquals("report-archive-backup", manifest.get("format").asText());
            Set<String> listed = new java.util.HashSet<>();
            for (JsonNode f : manifest.get("files")) {
                listed.add(f.get("path").asText());
                byte[] bytes;
                try (InputStream in = zip.getInputStream(zip.getEntry(f.get("path").asText()))) {
                    bytes = in.readAllBytes();
                }
                assertEquals(f.get("sha256").asText(), cn.reportarchive.archive.Hashes.sha256(bytes), f.toString());
            }
            assertTrue(listed.containsAll(Set.of("catalog.db", "users.db", "related-words.txt")), listed.toString());
            assertEquals(3, listed.stream().filter(p -> p.startsWith("originals/")).count());
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndLeavesTheTargetEmpty() throws Exception {
        Path damaged = rewrite(backup, tmp.resolve("damaged.zip"), (name, bytes) -> {
            if (name.startsWith("originals/")) {
                bytes[bytes.length / 2] ^= 0x20;
            }
            return bytes;
        });
        Path target = tmp.resolve("from-damaged");
        CliRunner.Result r = CliRunner.run("restore", damaged.toString(), "--data", target.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("已损坏") && r.err().contains("SHA-256"), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
        assertTrue(isEmptyOrAbsent(target), "a refused restore left files behind");

        Path cut = tmp.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(backup);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        CliRunner.Result c = CliRunner.run("restore", cut.toString(), "--data", tmp.resolve("from-cut").toString());
        assertEquals(1, c.code(), c.err());
        assertTrue(c.err().contains("不是有效的备份文件"), c.err());
        assertTrue(isEmptyOrAbsent(tmp.resolve("from-cut")));
    }

    @Test
    void aBackupWhosePathsLeadOutOfTheDirectoryIsRefused() throws Exception {
        Path evil = tmp.resolve("evil.zip");
        byte[] payload = "不该出现在这里".getBytes(StandardCharsets.UTF_8);
        String manifest = "{\"format\":\"report-archive-backup\",\"version\":1,\"reports\":0,\"files\":[{\"path\":\"../escaped.txt\","
                + "\"sha256\":\"" + cn.reportarchive.archive.Hashes.sha256(payload) + "\",\"size\":" + payload.length + "}]}";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("../escaped.txt"));
            zip.write(payload);
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
        }
        Path target = tmp.resolve("slip").resolve("data");
        CliRunner.Result r = CliRunner.run("restore", evil.toString(), "--data", target.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("非法的路径"), r.err());
        assertFalse(Files.exists(tmp.resolve("slip").resolve("escaped.txt")));
    }

    @Test
    void restoreRefusesADirectoryThatIsNotEmptyAndAFileThatIsNoBackup() throws Exception {
        CliRunner.Result full = CliRunner.run("restore", backup.toString(), "--data", data.toString());
        assertEquals(2, full.code(), full.err());
        assertTrue(full.err().contains("不是空的"), full.err());
        Path notZip = Files.write(tmp.resolve("notes.zip"), "这不是备份".getBytes(StandardCharsets.UTF_8));
        CliRunner.Result r = CliRunner.run("restore", notZip.toString(), "--data", tmp.resolve("x").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("不是有效的备份文件"), r.err());
        CliRunner.Result again = CliRunner.run("backup", backup.toString(), "--data", data.toString());
        assertEquals(2, again.code(), "an existing backup is not overwritten without --force");
    }

    @Test
    void aBackupTakenWhileServeImportsHoldsEveryAcknowledgedReport() throws Exception {
        Path live = tmp.resolve("live");
        Path noSamples = Files.createDirectories(tmp.resolve("no-samples"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (ChildJvm serve = ChildJvm.start("serve", "--data", live.toString(), "--port", Integer.toString(port),
                "--samples", noSamples.toString())) {
            assertTrue(serve.awaitErr(l -> l.contains("服务已启动"), 120), String.join("\n", serve.err));
            String url = "http://127.0.0.1:" + port + "/api/reports";
            Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
            CompletableFuture<Void> uploads = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 40; i++) {
                    try {
                        HttpResponse<byte[]> r = Multipart.post(url, "r" + i + ".txt", SmallReports.report(i), Map.of());
                        assertEquals(201, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                        acknowledged.put(i, CliRunner.JSON.readTree(r.body()).get("id").asText());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            while (acknowledged.size() < 10) {
                Thread.sleep(20);
            }
            Set<String> before = Set.copyOf(acknowledged.values());
            Path hot = tmp.resolve("hot.zip");
            CliRunner.Result b = CliRunner.run("backup", hot.toString(), "--data", live.toString());
            assertEquals(0, b.code(), b.err());
            CliRunner.Result v = CliRunner.run("verify", "--data", live.toString());
            uploads.get(2, TimeUnit.MINUTES);
            assertEquals(0, v.code(), "verify beside a serving, importing archive: " + v.out() + v.err());

            Path restored = tmp.resolve("hot-restored");
            CliRunner.Result r = CliRunner.run("restore", hot.toString(), "--data", restored.toString());
            assertEquals(0, r.code(), r.err());
            Set<String> back = new java.util.HashSet<>();
            CliRunner.run("list", "--json", "--data", restored.toString()).json().forEach(n -> back.add(n.get("id").asText()));
            assertTrue(back.containsAll(before), "acknowledged before the backup but missing: " + before.stream()
                    .filter(id -> !back.contains(id)).toList());
            assertEquals(0, CliRunner.run("verify", "--data", restored.toString()).code());
        }
    }

    interface EntryChange {
        byte[] apply(String name, byte[] bytes);
    }

    /** The same zip with its entries passed through a change (the manifest left as it was). */
    private static Path rewrite(Path from, Path to, EntryChange change) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(change.apply(entry.getName(), bytes));
                out.closeEntry();
            }
        }
        return to;
    }

    private static boolean isEmptyOrAbsent(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static Map<String, String> files(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), cn.reportarchive.archive.Hashes.sha256(p));
            }
        }
        return out;
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> rows(Path db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    cells.add(rs.getString(i));
                }
                rows.add(String.join("|", cells));
            }
        }
        return rows;
    }
}
