package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("integration")
class SearchFiltersTest {
    @TempDir
    static Path dir;
    static Application app;
    /** Every passage of the archive (MatchAll, no filter), to count against. */
    static List<SearchHit> everything;

    @BeforeAll
    static void open() throws Exception {
        app = TestArchive.open(dir);
        TestArchive.importSamples(app, "yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx",
                "linjiang-sjj-2023.docx", "qingshan-scjg-zhoulixin-2024.docx");
        everything = TestArchive.allHits(app, "", null, null, null, null);
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static List<String> refs(List<SearchHit> hits) {
        return hits.stream().map(h -> h.reportId() + " " + h.ref() + " " + h.passage()).toList();
    }

    private static long countOf(Integer year, String unit, String aspect, String section) {
        return everything.stream()
                .filter(h -> year == null || year.equals(h.year()))
                .filter(h -> unit == null || unit.equals(h.unit()))
                .filter(h -> aspect == null || aspect.equals(h.aspect()))
                .filter(h -> section == null || section.equals(h.section()))
                .count();
    }

    @Test
    void matchAllListsEveryPassageOnce() throws Exception {
        SearchResult all = TestArchive.search(app, "", null, null, null, null, 1, 20);
        assertEquals(everything.size(), all.total());
        assertEquals(everything.size(), refs(everything).stream().distinct().count(), "no passage twice");
        assertTrue(everything.size() > 100, "five reports have well over 100 passages: " + everything.size());
    }

    @Test
    void filtersByYear() throws Exception {
        List<SearchHit> hits = TestArchive.allHits(app, "", 2023, null, null, null);
        assertEquals(countOf(2023, null, null, null), hits.size());
        assertFalse(hits.isEmpty());
        hits.forEach(h -> assertEquals(2023, h.year(), h.ref()));
        assertEquals(0, TestArchive.search(app, "", 1999, null, null, null, 1, 20).total());
    }

    @Test
    void filtersByUnit() throws Exception {
        List<SearchHit> hits = TestArchive.allHits(app, "", null, "青山区市场监督管理局", null, null);
        assertEquals(countOf(null, "青山区市场监督管理局", null, null), hits.size());
        assertEquals(2, hits.stream().map(SearchHit::reportId).distinct().count());
        hits.forEach(h -> assertEquals("青山区市场监督管理局", h.unit()));
        // a unit the archive does not have is said so, with the closest names, never an empty page without a word
        QuerySyntaxException none = org.junit.jupiter.api.Assertions.assertThrows(QuerySyntaxException.class,
                () -> TestArchive.search(app, "", null, "不存在的单位", null, null, 1, 20));
        assertTrue(none.getMessage().contains("没有名为“不存在的单位”的单位"), none.getMessage());
    }

    @Test
    void unitFilterIsNotAPrefixButSaysTheClosestUnit() throws Exception {
        QuerySyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(QuerySyntaxException.class,
                () -> TestArchive.search(app, "", null, "青山区", null, null, 1, 20));
        assertTrue(e.getMessage().contains("最接近的有：青山区市场监督管理局"), e.getMessage());
    }

    @Test
    void filtersByAspectKeyOrLabel() throws Exception {
        List<SearchHit> byKey = TestArchive.allHits(app, "", null, null, "theory", null);
        List<SearchHit> byLabel = TestArchive.allHits(app, "", null, null, "理论学习", null);
        assertFalse(byKey.isEmpty());
        assertEquals(countOf(null, null, "theory", null), byKey.size());
        assertEquals(refs(byKey), refs(byLabel));
        byLabel.forEach(h -> assertEquals("theory", h.aspect(), h.ref()));
    }

    @ParameterizedTest
    @CsvSource({"problems,问题", "causes,原因", "measures,措施", "rectification,整改落实"})
    void filtersBySectionKeyOrLabel(String key, String label) throws Exception {
        List<SearchHit> byKey = TestArchive.allHits(app, "", null, null, null, key);
        List<SearchHit> byLabel = TestArchive.allHits(app, "", null, null, null, label);
        assertFalse(byKey.isEmpty(), key);
        assertEquals(countOf(null, null, null, key), byKey.size());
        assertEquals(refs(byKey), refs(byLabel));
        byLabel.forEach(h -> assertEquals(key, h.section(), h.ref()));
        byLabel.forEach(h -> assertTrue(h.ref().startsWith(key + "/") || h.ref().equals(key), h.ref()));
    }

    @Test
    void filtersCombineWithEachOtherAndWithTheQuery() throws Exception {
        List<SearchHit> hits = TestArchive.allHits(app, "", 2022, "云溪镇", "people", "problems");
        assertEquals(countOf(2022, "云溪镇", "people", "problems"), hits.size());
        assertFalse(hits.isEmpty());

        List<SearchHit> withQuery = TestArchive.allHits(app, "不够", 2023, null, null, "问题");
        assertFalse(withQuery.isEmpty());
        for (SearchHit h : withQuery) {
            assertEquals(2023, h.year());
            assertEquals("problems", h.section());
            assertTrue(h.text().contains("不够"), h.text());
        }
        long expected = everything.stream().filter(h -> Objects.equals(h.year(), 2023))
                .filter(h -> h.section().equals("problems")).filter(h -> h.text().contains("不够")).count();
        assertEquals(expected, withQuery.size());
    }

    @Test
    void blankFiltersAreNoFilters() throws Exception {
        SearchResult r = TestArchive.search(app, "  ", null, " ", " ", " ", 1, 20);
        assertEquals(everything.size(), r.total());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "学习"})
    void unknownAspectIsASyntaxErrorInChinese(String aspect) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> TestArchive.search(app, "群众", null, null, aspect, null, 1, 20));
        assertTrue(TestArchive.hasHan(e.getMessage()), e.getMessage());
        assertTrue(e.getMessage().contains(aspect), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nonsense", "查摆的问题"})
    void unknownSectionIsASyntaxErrorInChinese(String section) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> TestArchive.search(app, "", null, null, null, section, 1, 20));
        assertTrue(TestArchive.hasHan(e.getMessage()), e.getMessage());
        assertTrue(e.getMessage().contains(section), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"群众", "(群众 AND 信访", "群众 AND", "OR 群众", "群众)"})
    void malformedQueryIsASyntaxErrorInChinese(String query) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
                () -> TestArchive.search(app, query, null, null, null, null, 1, 20));
        assertTrue(TestArchive.hasHan(e.getMessage()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one sentence: " + e.getMessage());
    }
}
