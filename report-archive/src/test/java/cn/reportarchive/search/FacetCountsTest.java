package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("integration")
class FacetCountsTest {
    @TempDir
    static Path dir;
    static Application app;

    @BeforeAll
    static void open() throws Exception {
        app = TestArchive.open(dir);
        TestArchive.importSamples(app, "yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx",
                "linjiang-sjj-2023.docx", "qingshan-scjg-zhoulixin-2024.docx");
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static SearchResult filtered(String query, String dim, String value) throws Exception {
        return switch (dim) {
            case "year" -> TestArchive.search(app, query, Integer.valueOf(value), null, null, null, 1, 1);
            case "unit" -> TestArchive.search(app, query, null, value, null, null, 1, 1);
            case "aspect" -> TestArchive.search(app, query, null, null, value, null, 1, 1);
            case "section" -> TestArchive.search(app, query, null, null, null, value, 1, 1);
            default -> throw new IllegalArgumentException(dim);
        };
    }

    private static Map<String, Integer> counted(List<SearchHit> hits, Function<SearchHit, Object> value) {
        return hits.stream().filter(h -> value.apply(h) != null).collect(Collectors.groupingBy(
                h -> String.valueOf(value.apply(h)), TreeMap::new, Collectors.summingInt(h -> 1)));
    }

    /** Each facet count is the total of the same search with that value as filter. */
    @ParameterizedTest
    @ValueSource(strings = {"", "群众", "学习", "形式主义"})
    void facetCountEqualsTheFilteredTotal(String query) throws Exception {
        SearchResult result = TestArchive.search(app, query, null, null, null, null, 1, 5);
        assertTrue(result.total() > 0, query);
        assertEquals(List.of("year", "unit", "aspect", "section"), List.copyOf(result.facets().keySet()));
        for (String dim : result.facets().keySet()) {
            Map<String, Integer> counts = result.facets().get(dim);
            assertFalse(counts.isEmpty(), dim + " for " + query);
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                assertEquals(filtered(query, dim, e.getKey()).total(), (long) e.getValue(),
                        dim + "=" + e.getKey() + " for '" + query + "'");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "群众"})
    void facetCountsEqualTheHitsPerValue(String query) throws Exception {
        List<SearchHit> hits = TestArchive.allHits(app, query, null, null, null, null);
        SearchResult result = TestArchive.search(app, query, null, null, null, null, 1, 3);
        assertEquals(hits.size(), result.total());
        assertEquals(counted(hits, SearchHit::year), new TreeMap<>(result.facets().get("year")));
        assertEquals(counted(hits, SearchHit::unit), new TreeMap<>(result.facets().get("unit")));
        assertEquals(counted(hits, SearchHit::aspect), new TreeMap<>(result.facets().get("aspect")));
        assertEquals(counted(hits, SearchHit::section), new TreeMap<>(result.facets().get("section")));
        assertEquals(hits.size(), result.facets().get("section").values().stream().mapToInt(i -> i).sum());
        assertEquals(hits.size(), result.facets().get("year").values().stream().mapToInt(i -> i).sum());
    }

    @Test
    void eachFacetFollowsTheQueryAndEveryFilterButItsOwn() throws Exception {
        SearchResult result = TestArchive.search(app, "", 2022, null, null, "problems", 1, 5);
        // year: counted under the section filter only, so the other years show what they would give
        List<SearchHit> problemsAnyYear = TestArchive.allHits(app, "", null, null, null, "problems");
        assertEquals(counted(problemsAnyYear, SearchHit::year), new TreeMap<>(result.facets().get("year")));
        assertEquals((int) result.total(), result.facets().get("year").get("2022"));
        // section: counted under the year filter only
        List<SearchHit> year2022 = TestArchive.allHits(app, "", 2022, null, null, null);
        assertEquals(counted(year2022, SearchHit::section), new TreeMap<>(result.facets().get("section")));
        // unit and aspect carry no filter of their own: counted under both
        Map<String, Integer> units = result.facets().get("unit");
        assertEquals(java.util.Set.of("云溪镇", "临江县财政局"), units.keySet());
        assertEquals(result.total(), units.values().stream().mapToInt(i -> i).sum());
        List<SearchHit> hits = TestArchive.allHits(app, "", 2022, null, null, "problems");
        assertEquals(counted(hits, SearchHit::aspect), new TreeMap<>(result.facets().get("aspect")));
    }

    @Test
    void noHitsMeansEmptyFacets() throws Exception {
        SearchResult result = TestArchive.search(app, "量子纠缠", null, null, null, null, 1, 5);
        assertEquals(0, result.total());
        result.facets().values().forEach(counts -> assertTrue(counts.isEmpty(), result.facets().toString()));
    }
}
