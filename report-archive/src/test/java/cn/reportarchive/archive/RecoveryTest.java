package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.index.Analyzers;
import cn.reportarchive.index.ReportIndex;
import cn.reportarchive.parse.AspectTaxonomy;
import cn.reportarchive.parse.Report;
import cn.reportarchive.parse.ReportParser;
import cn.reportarchive.search.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash can leave between the index commit and the catalog row, and how opening the
 * archive repairs it: a report is visible whole or not at all.
 */
@Tag("integration")
class RecoveryTest {
    @TempDir
    Path data;

    private static Report parsed(String problem, String id) {
        byte[] bytes = ArchiveFixture.report("中共临江县林业局党组", "2023", problem);
        String sha = Hashes.sha256(bytes);
        return new ReportParser(AspectTaxonomy.defaults()).parse(new String(bytes, StandardCharsets.UTF_8))
                .withSource(id, sha, "x.txt", "text/plain");
    }

    @Test
    void passagesWithoutACatalogRowAreRemovedAtOpen() throws Exception {
        try (ReportIndex index = new ReportIndex(data.resolve("lucene"), Analyzers.passages())) {
            index.put(parsed("半途而废的导入留下的问题。", "deadbeefdeadbeef"));
            index.commit(); // the crash came before the catalog row was written
        }
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(0, app.search().search(SearchRequest.of("半途而废")).total());
            assertTrue(app.archive().index().reportIds().isEmpty());
        }
    }

    @Test
    void aCatalogRowWhoseIndexCommitWasLostIsIndexedAgainAtOpen() throws Exception {
        Report report = parsed("索引提交丢失的问题。", "cafebabecafebabe");
        try (Catalog catalog = new Catalog(data.resolve("catalog.db"))) {
            catalog.insert(new StoredReport(report, ImportMetadata.NONE, 100, Instant.now().toString()));
        }
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(Set.of("cafebabecafebabe"), app.archive().index().reportIds());
            assertEquals(1, app.search().search(SearchRequest.of("索引提交丢失")).total());
        }
    }

    @Test
    void originalsWithoutACatalogRowAndHalfWrittenFilesAreSweptAtOpen() throws Exception {
        String kept;
        try (Application app = ArchiveFixture.open(data)) {
            kept = app.archive().importFile("a.txt", ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。"),
                    ImportMetadata.NONE).id();
        }
        // what a crash after the originals were stored, before the catalog rows, leaves behind (and no
        // clean-close mark: the crashed process took it at open)
        java.nio.file.Files.delete(new DataDirectory(data).cleanClose());
        OriginalStore store = new OriginalStore(data.resolve("originals"));
        byte[] orphan = ArchiveFixture.report("中共临江县林业局党组", "2024", "未登记的原件。");
        store.put(Hashes.sha256(orphan), orphan);
        java.nio.file.Path part = java.nio.file.Files.writeString(store.pathOf(Hashes.sha256(orphan)).resolveSibling(
                Hashes.sha256(orphan) + "123.part"), "half");
        assertEquals(3, ArchiveFixture.storedFiles(data).size());
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(List.of(store.pathOf(app.archive().get(kept).orElseThrow().sha256())),
                    ArchiveFixture.storedFiles(data));
            assertTrue(java.nio.file.Files.notExists(part));
        }
    }

    @Test
    void aCleanCloseIsMarkedAndOpeningTakesTheMarkFirst() throws Exception {
        Path mark = new DataDirectory(data).cleanClose();
        try (Application app = ArchiveFixture.open(data)) {
            app.archive().importFile("a.txt", ArchiveFixture.report("中共临江县林业局党组", "2023", "学习不够系统。"),
                    ImportMetadata.NONE);
            assertFalse(java.nio.file.Files.exists(mark), "no mark while the archive is open");
        }
        assertTrue(java.nio.file.Files.exists(mark), "closed whole");
        try (Application app = ArchiveFixture.open(data)) {
            // a process that dies from here on leaves no mark: the next open recovers in full
            assertFalse(java.nio.file.Files.exists(mark));
            assertEquals(1, app.search().search(SearchRequest.of("学习不够系统")).total());
        }
        assertTrue(java.nio.file.Files.exists(mark));
    }

    @Test
    void anIndexLostAfterACleanCloseIsRebuiltFromTheCatalog() throws Exception {
        try (Application app = ArchiveFixture.open(data)) {
            app.archive().importFile("a.txt", ArchiveFixture.report("中共临江县林业局党组", "2023", "调查研究不够深入。"),
                    ImportMetadata.NONE);
        }
        // the mark names the index it was made with; a new, empty index is not that one
        deleteTree(new DataDirectory(data).index());
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(1, app.search().search(SearchRequest.of("调查研究不够深入")).total());
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }

    @Test
    void aStaleIndexIsRebuiltEvenAfterACleanClose() throws Exception {
        Report report = parsed("标记之后写入的问题。", "abcdabcdabcdabcd");
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(0, app.archive().count());
        }
        // a reindex that died after marking the catalog stale; the mark of the close before it remained
        try (Catalog catalog = new Catalog(data.resolve("catalog.db"))) {
            catalog.insert(new StoredReport(report, ImportMetadata.NONE, 100, Instant.now().toString()));
            catalog.setIndexStale(true);
        }
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(1, app.search().search(SearchRequest.of("标记之后写入")).total());
        }
    }

    @Test
    void anIndexLeftStaleByAnInterruptedReindexIsRebuiltFromTheCatalogAtOpen() throws Exception {
        Report first = parsed("重建前的说法。", "aaaaaaaaaaaaaaaa");
        Report second = parsed("重建后的说法。", "aaaaaaaaaaaaaaaa").withSource("aaaaaaaaaaaaaaaa", first.sha256(),
                "x.txt", "text/plain");
        try (Catalog catalog = new Catalog(data.resolve("catalog.db"));
             ReportIndex index = new ReportIndex(data.resolve("lucene"), Analyzers.passages())) {
            catalog.insert(new StoredReport(first, ImportMetadata.NONE, 100, Instant.now().toString()));
            index.put(first);
            index.commit();
            // a reindex marks the catalog, rewrites its row, and dies before the index commit
            catalog.setIndexStale(true);
            catalog.update(second);
        }
        try (Application app = ArchiveFixture.open(data)) {
            assertEquals(0, app.search().search(SearchRequest.of("重建前的说法")).total());
            assertEquals(1, app.search().search(SearchRequest.of("重建后的说法")).total());
        }
        try (Catalog catalog = new Catalog(data.resolve("catalog.db"))) {
            assertTrue(!catalog.indexStale());
        }
    }
}
