package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("integration")
class PaginationTest {
    @TempDir
    static Path dir;
    static Application app;

    @BeforeAll
    static void open() throws Exception {
        app = TestArchive.open(dir);
        TestArchive.importSamples(app, "yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx");
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static List<String> keys(SearchResult r) {
        return r.hits().stream().map(h -> h.reportId() + " " + h.ref() + " " + h.passage()).toList();
    }

    private static SearchResult page(String query, int page, int size) throws Exception {
        return TestArchive.search(app, query, null, null, null, null, page, size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "不够", "问题"})
    void pageTwoContinuesPageOneWithoutOverlap(String query) throws Exception {
        SearchResult one = page(query, 1, 7);
        SearchResult two = page(query, 2, 7);
        SearchResult both = page(query, 1, 14);
        assertTrue(both.total() > 14, "enough hits for two full pages: " + both.total());
        assertEquals(7, one.hits().size());
        assertEquals(7, two.hits().size());
        assertEquals(both.total(), one.total());
        assertEquals(both.total(), two.total());
        Set<String> overlap = new HashSet<>(keys(one));
        overlap.retainAll(keys(two));
        assertTrue(overlap.isEmpty(), "overlap: " + overlap);
        List<String> joined = new ArrayList<>(keys(one));
        joined.addAll(keys(two));
        assertEquals(keys(both), joined);
        assertEquals(both.facets(), two.facets(), "facets do not depend on the page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "不够", "群众"})
    void pagesCoverEveryHitExactlyOnce(String query) throws Exception {
        int size = 9;
        long total = page(query, 1, size).total();
        List<String> seen = new ArrayList<>();
        int pages = (int) ((total + size - 1) / size);
        for (int p = 1; p <= pages; p++) {
            SearchResult r = page(query, p, size);
            assertEquals(p < pages ? size : total - (long) (pages - 1) * size, r.hits().size(), "page " + p);
            seen.addAll(keys(r));
        }
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size());
        SearchResult beyond = page(query, pages + 1, size);
        assertTrue(beyond.hits().isEmpty());
        assertEquals(total, beyond.total());
    }
}
