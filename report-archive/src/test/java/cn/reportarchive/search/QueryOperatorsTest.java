package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.reportarchive.Application;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words are AND-ed; OR, NOT and quotes do what they say, checked against the passages' own text. */
@Tag("integration")
class QueryOperatorsTest {
    @TempDir
    static Path dir;
    static Application app;
    static List<SearchHit> everything;

    @BeforeAll
    static void open() throws Exception {
        app = TestArchive.open(dir);
        TestArchive.importSamples(app, "yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx");
        everything = TestArchive.allHits(app, "", null, null, null, null);
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static Set<String> keys(List<SearchHit> hits) {
        return hits.stream().map(h -> h.reportId() + " " + h.ref() + " " + h.passage()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> passagesWhere(Predicate<String> text) {
        return keys(everything.stream().filter(h -> text.test(h.text())).toList());
    }

    private static Set<String> found(String query) throws Exception {
        return keys(TestArchive.allHits(app, query, null, null, null, null));
    }

    @Test
    void wordsSeparatedBySpacesMustAllStand() throws Exception {
        Set<String> expected = passagesWhere(t -> t.contains("学习") && t.contains("不够"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, found("学习 不够"));
        assertEquals(expected, found("学习 AND 不够"));
    }

    @Test
    void orTakesEither() throws Exception {
        Set<String> expected = passagesWhere(t -> t.contains("群众") || t.contains("信访"));
        assertTrue(expected.size() > passagesWhere(t -> t.contains("群众")).size());
        assertEquals(expected, found("群众 OR 信访"));
    }

    @Test
    void notLeavesOut() throws Exception {
        Set<String> expected = passagesWhere(t -> t.contains("群众") && !t.contains("诉求"));
        assertTrue(expected.size() < passagesWhere(t -> t.contains("群众")).size());
        assertEquals(expected, found("群众 NOT 诉求"));
    }

    @Test
    void quotedRunIsFoundAsWritten() throws Exception {
        Set<String> expected = passagesWhere(t -> t.contains("形式主义"));
        assertFalse(expected.isEmpty());
        assertEquals(expected, found("\"形式主义\""));
    }

    @Test
    void fuzzyOperatorOnAShortWordGivesResultsOrASyntaxError() {
        try {
            SearchResult r = TestArchive.search(app, "群众~", null, null, null, null, 1, 20);
            assertTrue(r.total() >= 0);
        } catch (QuerySyntaxException e) {
            assertTrue(TestArchive.hasHan(e.getMessage()), e.getMessage());
        } catch (Exception e) {
            fail("neither results nor a QuerySyntaxException: " + e);
        }
    }
}
