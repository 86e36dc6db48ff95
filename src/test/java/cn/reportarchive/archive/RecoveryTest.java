package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash can leave between the index commit and the catalog row, and how opening the
 * archive repairs it: a report is visible whole or not at all.
 */
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
}
