package cn.reportarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.search.SearchHit;
import cn.reportarchive.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived: rebuilt from the originals it gives the same answers. */
@Tag("integration")
class ReindexTest {
    private static final List<String> QUERIES = List.of("理论学习", "形式主义", "\"统一是\"", "八项规定", "12315",
            "群众 调研", "担当作为 OR 斗争精神");

    @TempDir
    Path data;

    @Test
    void reindexGivesTheSameResults() throws Exception {
        List<String> before;
        try (Application app = ArchiveFixture.open(data)) {
            app.bulkImport().run(BulkImport.plan(List.of(Path.of("sample-docs"))), ImportMetadata.NONE, o -> { });
            before = answers(app);
            ReportArchive.ReindexResult result = app.archive().reindex();
            assertEquals(15, result.reports());
            assertEquals(15, result.reparsed());
            assertTrue(result.problems().isEmpty(), result.problems().toString());
            assertEquals(before, answers(app));
        }
        deleteTree(data.resolve("lucene"));
        try (Application app = ArchiveFixture.open(data)) {
            app.archive().reindex();
            assertEquals(before, answers(app));
        }
    }

    private static List<String> answers(Application app) throws Exception {
        List<String> out = new ArrayList<>();
        for (String q : QUERIES) {
            var result = app.search().search(new SearchRequest(q, null, null, null, null, 1, 50));
            assertTrue(result.total() > 0, q);
            out.add(q + " total=" + result.total() + " facets=" + result.facets());
            for (SearchHit h : result.hits()) {
                out.add(h.reportId() + " " + h.ref() + " " + h.score());
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
