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
