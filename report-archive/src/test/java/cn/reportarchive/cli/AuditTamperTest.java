package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.AuthStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 8 of the security review: the audit log rewritten with REPLACE INTO, its triggers dropped,
 * entries cut out of a backup. verify and restore must now say so (exit 1).
 */
@Tag("integration")
class AuditTamperTest {
    @TempDir
    Path tmp;

    private Path archiveWithEntries(int n) throws Exception {
        Path data = tmp.resolve("data");
        CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt");
        assertEquals(0, CliRunner.run("import", tmp.resolve("in").toString(), "--data", data.toString()).code());
        try (AuthStore store = Application.openAuth(data)) {
            for (int i = 0; i < n; i++) {
                store.audit().append("zhang", "127.0.0.1", AuditAction.SEARCH, null, Map.of("q", "八项规定 " + i));
            }
        }
        CliRunner.Result clean = CliRunner.run("verify", "--data", data.toString());
        assertEquals(0, clean.code(), clean.out() + clean.err());
        return data;
    }

    private static void sql(Path db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }

    @Test
    void replaceIntoIsRefusedAndARewriteBehindDroppedTriggersIsReported() throws Exception {
        Path data = archiveWithEntries(10);
        Path catalog = new DataDirectory(data).catalog();
        SQLException refused = assertThrows(SQLException.class, () -> sql(catalog,
                "REPLACE INTO audit (id, at, username, address, action, target, detail, prev, hash)"
                        + " SELECT id, at, 'nobody', address, action, target, '{}', prev, hash FROM audit WHERE id = 3"));
        assertTrue(refused.getMessage().contains("审计日志"), refused.getMessage());

        sql(catalog, "DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete", "DROP TRIGGER audit_append_only",
                "REPLACE INTO audit (id, at, username, address, action, target, detail, prev, hash)"
                        + " SELECT id, at, 'nobody', address, action, target, '{}', prev, hash FROM audit WHERE id = 3");
        CliRunner.Result r = CliRunner.run("verify", "--data", data.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("第 3 条记录的内容已被改写"), r.out());
        assertTrue(r.out().contains("触发器被删除"), r.out());

        // opening the log puts the triggers back, and records that it had to
        try (AuthStore store = Application.openAuth(data)) {
            store.audit().append("zhang", "127.0.0.1", AuditAction.SEARCH, null, Map.of());
        }
        r = CliRunner.run("verify", "--data", data.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("曾被删除后恢复"), r.out());
        assertTrue(r.out().contains("第 3 条记录的内容已被改写"), r.out());
    }

    @Test
    void entriesRemovedOrReorderedAreReported() throws Exception {
        Path data = archiveWithEntries(12);
        Path catalog = new DataDirectory(data).catalog();
        sql(catalog, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id BETWEEN 4 AND 6");
        CliRunner.Result r = CliRunner.run("verify", "--data", data.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("缺少第 4–6 条记录"), r.out());

        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Path second = archiveWithEntriesIn(other, 8);
        Path c2 = new DataDirectory(second).catalog();
        // two entries swap places: ids kept in order, contents exchanged
        sql(c2, "DROP TRIGGER audit_no_update",
                "UPDATE audit SET id = -1 WHERE id = 3", "UPDATE audit SET id = 3 WHERE id = 4", "UPDATE audit SET id = 4 WHERE id = -1");
        r = CliRunner.run("verify", "--data", second.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("衔接不上") || r.out().contains("已被改写"), r.out() + r.err());

        // the last entries cut off: the id counter is ahead
        sql(c2, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id >= 7");
        r = CliRunner.run("verify", "--data", second.toString());
        assertTrue(r.out().contains("最后的第 7"), r.out());
    }

    private Path archiveWithEntriesIn(Path dir, int n) throws Exception {
        Path data = dir.resolve("data");
        CliRunner.copySamples(dir.resolve("in"), "linjiang-sjj-2022.txt");
        assertEquals(0, CliRunner.run("import", dir.resolve("in").toString(), "--data", data.toString()).code());
        try (AuthStore store = Application.openAuth(data)) {
            for (int i = 0; i < n; i++) {
                store.audit().append("li", "127.0.0.1", AuditAction.VIEW, "r" + i, Map.of());
            }
        }
        return data;
    }

    @Test
    void aBackupWith26EntriesCutOutRestoresButSaysSo() throws Exception {
        Path data = archiveWithEntries(40);
        Path backup = tmp.resolve("b.zip");
        assertEquals(0, CliRunner.run("backup", backup.toString(), "--data", data.toString()).code());
        // the attacker's copy: catalog.db without entries 10–35, the manifest made to match
        Path db = tmp.resolve("catalog.db");
        Path forged = tmp.resolve("forged.zip");
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Files.write(db, zip.getInputStream(zip.getEntry("catalog.db")).readAllBytes());
            sql(db, "DROP TRIGGER audit_no_delete", "DELETE FROM audit WHERE id BETWEEN 10 AND 35");
            byte[] dbBytes = Files.readAllBytes(db);
            ObjectNode manifest = (ObjectNode) CliRunner.JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            for (JsonNode f : manifest.get("files")) {
                if (f.get("path").asText().equals("catalog.db")) {
                    ((ObjectNode) f).put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(dbBytes)));
                    ((ObjectNode) f).put("size", dbBytes.length);
                }
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(e.getName().equals("catalog.db") ? dbBytes : e.getName().equals("manifest.json")
                            ? CliRunner.JSON.writeValueAsBytes(manifest) : zip.getInputStream(e).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        Path restored = tmp.resolve("restored");
        CliRunner.Result r = CliRunner.run("restore", forged.toString(), "--data", restored.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("审计日志缺少第 10–35 条记录"), r.err());
        r = CliRunner.run("verify", "--data", restored.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("审计日志缺少第 10–35 条记录"), r.out());
    }

    @Test
    void aLogFromBeforeTheChainIsChainedFromItsFirstEntryOnOpen() throws Exception {
        Path data = tmp.resolve("legacy");
        Files.createDirectories(data);
        Path catalog = new DataDirectory(data).catalog();
        sql(catalog, "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, username TEXT,"
                        + " address TEXT, action TEXT NOT NULL, target TEXT, detail TEXT NOT NULL)",
                "INSERT INTO audit (at, username, address, action, target, detail) VALUES (1700000000000, 'zhang', '127.0.0.1', 'login', NULL, '{}')",
                "INSERT INTO audit (at, username, address, action, target, detail) VALUES (1700000001000, 'zhang', '127.0.0.1', 'search', NULL, '{\"q\":\"学习\"}')",
                "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END",
                "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'x'); END");
        try (AuthStore store = Application.openAuth(data)) {
            store.audit().append("zhang", "127.0.0.1", AuditAction.LOGOUT, null, Map.of());
            cn.reportarchive.auth.AuditChain.Report r = store.audit().check();
            assertTrue(r.ok(), r.problems().toString());
            assertEquals(3, r.entries());
            assertEquals(3, store.audit().query(cn.reportarchive.auth.AuditQuery.all()).total(), "nothing recorded as tampering");
        }
        // and then a rewrite of the migrated first entry is found
        sql(catalog, "DROP TRIGGER audit_no_update", "UPDATE audit SET username = 'li' WHERE id = 1");
        assertTrue(cn.reportarchive.auth.AuditChain.check(catalog).problems().stream().anyMatch(p -> p.contains("第 1 条记录的内容已被改写")));
    }
}
