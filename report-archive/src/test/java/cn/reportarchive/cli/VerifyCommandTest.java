package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.archive.ArchiveState;
import cn.reportarchive.archive.Catalog;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.ReportIndex;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * verify finds each kind of damage, says it in Chinese and exits 1, changes nothing; reindex repairs
 * what concerns the index and leaves lost originals reported.
 */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class VerifyCommandTest {
    @TempDir
    static Path tmp;
    private static Path pristine;
    private static List<JsonNode> reports;

    @BeforeAll
    static void archive() {
        pristine = tmp.resolve("pristine");
        List<Path> files = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt", "linjiang-sjj-2022.txt",
                "qingshan-scjg-2023.txt");
        CliRunner.Result r = CliRunner.run("import", tmp.resolve("in").toString(), "--data", pristine.toString());
        assertEquals(0, r.code(), r.err());
        reports = new java.util.ArrayList<>();
        CliRunner.run("list", "--json", "--data", pristine.toString()).json().elements().forEachRemaining(reports::add);
        assertEquals(files.size(), reports.size());
    }

    /** A copy of the sound archive, damaged by the given hand. */
    private static Path damaged(String name, Consumer<Path> damage) {
        Path copy = tmp.resolve(name);
        copyTree(pristine, copy);
        damage.accept(copy);
        return copy;
    }

    private static JsonNode first() {
        return reports.get(0);
    }

    private static Path originalOf(Path data, JsonNode report) {
        return originalPath(data, report.get("sha256").asText());
    }

    private static Path originalPath(Path data, String sha) {
        return new DataDirectory(data).originals().resolve(sha.substring(0, 2)).resolve(sha);
    }

    private static CliRunner.Result verify(Path data) {
        return CliRunner.run("verify", "--data", data.toString());
    }

    @Test
    void aSoundArchivePasses() {
        var before = ArchiveState.of(pristine);
        CliRunner.Result r = verify(pristine);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("3 份材料") && r.err().contains("未发现问题"), r.err());
        assertEquals(before, ArchiveState.of(pristine), "verify changed the archive");
        JsonNode json = CliRunner.run("verify", "--json", "--data", pristine.toString()).json();
        assertTrue(json.get("ok").asBoolean());
        assertEquals(3, json.get("reports").asInt());
    }

    @Test
    void aMissingOriginalIsReportedAndReindexCannotMendIt() throws Exception {
        Path data = damaged("missing", d -> delete(originalOf(d, first())));
        CliRunner.Result r = verify(data);
        assertProblem(r, "原件缺失", first().get("filename").asText());
        assertTrue(r.err().contains("restore"), r.err());
        CliRunner.run("reindex", "--data", data.toString());
        assertProblem(verify(data), "原件缺失", first().get("id").asText());
    }

    @Test
    void anAlteredOriginalIsReported() {
        Path data = damaged("altered", d -> append(originalOf(d, first()), "改"));
        assertProblem(verify(data), "原件已被改动", first().get("filename").asText());
    }

    @Test
    void anOriginalWithoutACatalogRowIsReportedAndSweptByReindex() throws Exception {
        byte[] stray = "没有登记的文件".getBytes(StandardCharsets.UTF_8);
        String sha = cn.reportarchive.archive.Hashes.sha256(stray);
        Path data = damaged("orphan", d -> write(originalPath(d, sha), stray));
        assertProblem(verify(data), "多余", sha.substring(0, 2) + "/" + sha);
        assertRepairedByReindex(data);
    }

    @Test
    void aHalfWrittenTemporaryFileIsReported() {
        Path data = damaged("leftover", d -> write(originalOf(d, first()).resolveSibling("x123.part"), new byte[10]));
        assertProblem(verify(data), "临时文件", "x123.part");
        assertRepairedByReindex(data);
    }

    @Test
    void indexEntriesWithoutACatalogRowAreReported() throws Exception {
        Path data = damaged("index-orphan", d -> onIndex(d, index -> {
            try (Catalog catalog = new Catalog(new DataDirectory(d).catalog())) {
                // the catalog row goes, the passages stay: what a crash inside a delete leaves
                catalog.delete(first().get("id").asText());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertProblem(verify(data), "索引中有目录里没有的材料", first().get("id").asText());
        assertRepairedByReindex(data);
    }

    @Test
    void aCatalogRowWithoutIndexEntriesIsReported() {
        Path data = damaged("not-indexed", d -> onIndex(d, index -> {
            try {
                index.remove(first().get("id").asText());
                index.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        assertProblem(verify(data), "未编入索引", first().get("filename").asText());
        assertRepairedByReindex(data);
    }

    @Test
    void anInterruptedReindexIsReported() {
        Path data = damaged("stale", d -> {
            try (Catalog catalog = new Catalog(new DataDirectory(d).catalog())) {
                catalog.setIndexStale(true);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertProblem(verify(data), "被中断", "reindex");
        assertRepairedByReindex(data);
    }

    @Test
    void aDamagedCatalogIsReportedInOneSentence() {
        Path data = damaged("catalog", d -> {
            Path db = new DataDirectory(d).catalog();
            try {
                byte[] bytes = Files.readAllBytes(db);
                for (int i = 4096; i < bytes.length; i += 7) {
                    bytes[i] = (byte) 0x5A;
                }
                Files.write(db, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        CliRunner.Result r = verify(data);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(CliRunner.hasHan(r.err()), r.err());
        assertTrue((r.out() + r.err()).contains("损坏"), r.out() + r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }

    // ---- the catalog's side tables: kept texts, corrections, the unit directory ----

    @Test
    void aReportWithoutItsKeptTextIsReportedAndReindexKeepsItAgain() {
        Path data = damaged("no-text", d -> sql(d, "DELETE FROM texts WHERE id = '" + first().get("id").asText() + "'"));
        assertProblem(verify(data), "没有保存的文本", first().get("filename").asText());
        assertRepairedByReindex(data);
    }

    @Test
    void aKeptTextWithoutItsReportIsReported() {
        Path data = damaged("stray-text", d -> sql(d,
                "INSERT INTO texts (id, encoding, media_type, ocr, unreadable, body) VALUES ('0badc0ffee', 'UTF-8', 'text/plain', 0, NULL, x'41')"));
        assertProblem(verify(data), "保存的文本没有对应的材料", "0badc0ffee");
    }

    @Test
    void correctionsOfNoReportOfAnUnknownFieldOrOfNoBlockAreReported() {
        String id = first().get("id").asText();
        Path data = damaged("bad-corrections", d -> sql(d,
                "INSERT INTO corrections (report_id, field, ref, value, at) VALUES ('0badc0ffee', 'year', '', '2021', '2026-01-01T00:00:00Z')",
                "INSERT INTO corrections (report_id, field, ref, value, at) VALUES ('" + id + "', 'colour', '', '红', '2026-01-01T00:00:00Z')",
                "INSERT INTO corrections (report_id, field, ref, value, at) VALUES ('" + id + "', 'aspect', '第三段', 'theory', '2026-01-01T00:00:00Z')"));
        CliRunner.Result r = verify(data);
        assertProblem(r, "更正记录指向不存在的材料", "0badc0ffee");
        assertProblem(r, "字段“colour”无法识别", first().get("filename").asText());
        assertProblem(r, "“第三段”不是段落位置", first().get("filename").asText());
        assertEquals(3, r.out().lines().count(), r.out());
    }

    /** The sample reports whose unit was read (one of the three has none). */
    private static List<JsonNode> withUnit() {
        List<JsonNode> out = reports.stream().filter(r -> r.hasNonNull("unit")).toList();
        assertEquals(2, out.size(), reports.toString());
        return out;
    }

    @Test
    void aMergedUnitIsSoundAndReportsOutOfStepWithTheDirectoryAreReported() {
        JsonNode a = withUnit().get(0);
        JsonNode b = withUnit().get(1);
        Path merged = damaged("merged", d -> assertEquals(0, CliRunner.run("units", "merge", a.get("unit").asText(),
                "--into", b.get("unit").asText(), "--data", d.toString()).code()));
        CliRunner.Result sound = verify(merged);
        assertEquals(0, sound.code(), sound.out() + sound.err());

        Path data = damaged("unit-rows", d -> sql(d,
                "UPDATE unit_uses SET name = '没有记录的名称' WHERE report_id = '" + a.get("id").asText() + "'",
                "UPDATE reports SET unit = '另一个单位' WHERE id = '" + b.get("id").asText() + "'"));
        CliRunner.Result r = verify(data);
        assertProblem(r, "“没有记录的名称”不在单位目录中", a.get("filename").asText());
        assertProblem(r, "“另一个单位”与单位目录不符", b.get("filename").asText());
        assertEquals(2, r.out().lines().count(), r.out());
    }

    @Test
    void aUnitDirectoryWithoutItsUnitsOrWithMergesGoingRoundIsReported() {
        Path data = damaged("unit-tree", d -> sql(d,
                "INSERT INTO unit_names (name, key, home) VALUES ('幽灵单位', '幽灵单位', 999)",
                "INSERT INTO unit_units (display, merged_into) VALUES ('孤立单位', 12345)",
                "UPDATE unit_units SET merged_into = (SELECT max(id) FROM unit_units WHERE merged_into IS NULL)"
                        + " WHERE id = (SELECT min(id) FROM unit_units)",
                "UPDATE unit_units SET merged_into = (SELECT min(id) FROM unit_units)"
                        + " WHERE id = (SELECT max(id) FROM unit_units WHERE merged_into IS NULL)"));
        CliRunner.Result r = verify(data);
        assertProblem(r, "“幽灵单位”所属的单位（编号 999）不存在", "单位目录");
        assertProblem(r, "“孤立单位”被合并进的单位（编号 12345）不存在", "单位目录");
        assertEquals(2, r.out().lines().filter(l -> l.contains("绕成了一个圈")).count(), r.out());
    }

    @Test
    void aDirectoryThatIsNoArchiveIsAUsageError() {
        CliRunner.Result r = verify(tmp.resolve("nothing-here"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("不是档案库目录"), r.err());
    }

    private static void assertProblem(CliRunner.Result r, String what, String about) {
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.contains(what) && l.contains(about)),
                "expected 「" + what + "」 about " + about + " in: " + r.out());
        assertTrue(r.err().contains("发现") && r.err().contains("个问题"), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }

    private static void assertRepairedByReindex(Path data) {
        assertEquals(0, CliRunner.run("reindex", "--data", data.toString()).code());
        CliRunner.Result after = verify(data);
        assertEquals(0, after.code(), after.out() + after.err());
    }

    /** Statements run on the archive's catalog database, as a hand or a broken tool outside the archive would. */
    private static void sql(Path data, String... statements) {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(data).catalog().toAbsolutePath());
             java.sql.Statement s = db.createStatement()) {
            for (String statement : statements) {
                s.executeUpdate(statement);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onIndex(Path data, Consumer<ReportIndex> change) {
        try (ReportIndex index = new ReportIndex(new DataDirectory(data).index(), Analyzers.passages())) {
            change.accept(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path p, String s) {
        try {
            Files.writeString(p, s, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("write.lock")) {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
