package cn.reportarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.generate.ArchiveGenerator;
import cn.reportarchive.generate.FormatMix;
import cn.reportarchive.generate.GeneratorOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Beyond the bound for exact counting, the total and the facets are estimated from a sample while
 * the hits stay exactly those of a full count. The bounds are set small so that a generated archive
 * of 150 reports (about 6,300 passages) reaches them; blocks of one passage keep a sample of a few
 * hundred passages as good as a random one (the order of passages varies from one import to the next).
 */
@Tag("integration")
class EstimatedCountsTest {
    @TempDir
    static Path dir;
    static Application app;
    static PassageSearch exact;
    static PassageSearch estimating;
    /** Exact totals, facets from a sample beyond 1,200 matches. */
    static PassageSearch facetSampling;

    @BeforeAll
    static void open() throws Exception {
        Path files = dir.resolve("files");
        new ArchiveGenerator(GeneratorOptions.of(files, 150, 31).withFormats(FormatMix.parse("txt=1")),
                new PrintStream(OutputStream.nullOutputStream())).run();
        app = TestArchive.open(dir.resolve("data"));
        app.bulkImport().run(BulkImport.plan(List.of(files)), ImportMetadata.NONE, o -> { });
        RelatedWords related = RelatedWords.load(dir.resolve("data"));
        exact = new PassageSearch(app.archive().index(), app.taxonomy(), related, app.archive()::unitOf,
                new MatchCounter(Integer.MAX_VALUE - 1, 1, 64));
        estimating = new PassageSearch(app.archive().index(), app.taxonomy(), related, app.archive()::unitOf, new MatchCounter(300, 600, 1));
        facetSampling = new PassageSearch(app.archive().index(), app.taxonomy(), related, app.archive()::unitOf,
                new MatchCounter(Integer.MAX_VALUE - 1, 1, 1, 600));
    }

    @AfterAll
    static void close() throws Exception {
        app.close();
    }

    private static SearchRequest request(String query, Integer year, String section, int page) {
        return new SearchRequest(query, year, null, null, section, page, 20);
    }

    @ParameterizedTest
    @CsvSource(value = {"问题,,", "'',,", "工作,,", "'',,problems", "学习 OR 问题,,"})
    void broadSearchesEstimateCountsAndKeepTheExactHits(String query, Integer year, String section) throws Exception {
        for (int page = 1; page <= 3; page++) {
            SearchResult full = exact.search(request(query, year, section, page));
            SearchResult sampled = estimating.search(request(query, year, section, page));
            assertTrue(full.totalExact() && full.facetsExact());
            assertTrue(full.total() > 1500, query + " should be broad: " + full.total());
            assertFalse(sampled.totalExact(), query);
            assertFalse(sampled.facetsExact(), query);
            assertEquals(full.hits(), sampled.hits(), query + " page " + page);
            assertEquals(full.reports(), sampled.reports(), query + " page " + page);
            double error = Math.abs(sampled.total() - full.total()) / (double) full.total();
            assertTrue(error < 0.15, query + ": estimate " + sampled.total() + " against " + full.total());
            for (String dim : List.of("year", "section")) {
                assertClose(full.facets().get(dim), sampled.facets().get(dim), full.total(), query + " " + dim);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"问题", "工作", ""})
    void manyExactMatchesKeepTheirTotalAndCountTheirFacetsOnASample(String query) throws Exception {
        SearchResult full = exact.search(request(query, null, null, 1));
        SearchResult sampled = facetSampling.search(request(query, null, null, 1));
        assertTrue(full.total() > 2 * 600, query + " should have many matches: " + full.total());
        assertTrue(sampled.totalExact(), query);
        assertEquals(full.total(), sampled.total(), query);
        assertFalse(sampled.facetsExact(), query);
        assertEquals(full.hits(), sampled.hits(), query);
        for (String dim : List.of("year", "section", "aspect")) {
            assertClose(full.facets().get(dim), sampled.facets().get(dim), full.total(), query + " " + dim);
        }
        // scaled by the exact total over the sampled matches: every passage has a year, so the years add up to it
        Map<String, Integer> years = sampled.facets().get("year");
        long sum = years.values().stream().mapToLong(Integer::longValue).sum();
        assertTrue(Math.abs(sum - sampled.total()) <= years.size(), query + ": years add up to " + sum);
    }

    @Test
    void fewExactMatchesCountEveryFacet() throws Exception {
        SearchResult full = exact.search(request("\"形式主义\"", null, null, 1));
        SearchResult sampled = facetSampling.search(request("\"形式主义\"", null, null, 1));
        assertTrue(full.total() > 0 && full.total() <= 2 * 600, "a narrow query: " + full.total());
        assertTrue(sampled.totalExact() && sampled.facetsExact());
        assertEquals(full, sampled);
    }

    /** Matches the estimating counters aim their samples at (their {@code sample} and {@code facetSample}). */
    private static final int SAMPLE = 600;

    /**
     * Every value holding a tenth of the matches or more is estimated within four standard errors of a
     * sample of {@link #SAMPLE} matches (a share p is read from the sample to within sqrt(p(1-p)/600):
     * about 12 % of a value holding a tenth), plus the 15 % an estimated total may be off. A fixed "within
     * a third" was a three-sigma bound for such a value and failed now and then, as the order of passages,
     * and so the sample, varies between imports.
     */
    private static void assertClose(Map<String, Integer> exactCounts, Map<String, Integer> estimated, long total,
                                    String what) {
        for (Map.Entry<String, Integer> e : exactCounts.entrySet()) {
            if (e.getValue() >= total / 10) {
                int got = estimated.getOrDefault(e.getKey(), 0);
                double p = e.getValue() / (double) total;
                // the share as read from the sample, and the scale: an estimated total is itself within 15 %
                double tolerance = 4 * total * Math.sqrt(p * (1 - p) / Math.min(SAMPLE, total)) + 0.15 * e.getValue();
                assertTrue(Math.abs(got - e.getValue()) < tolerance,
                        what + " " + e.getKey() + ": " + got + " against " + e.getValue() + " (within " + Math.round(tolerance) + ")");
            }
        }
    }

    @Test
    void narrowSearchesStayExact() throws Exception {
        SearchResult full = exact.search(request("\"形式主义\" year:2022", null, "problems", 1));
        SearchResult bounded = estimating.search(request("\"形式主义\" year:2022", null, "problems", 1));
        assertTrue(full.total() > 0 && full.total() <= 300, "a narrow query: " + full.total());
        assertTrue(bounded.totalExact() && bounded.facetsExact());
        assertEquals(full, bounded);
    }

    @Test
    void aNarrowFilteredSearchCountsExactlyAndEstimatesTheBroadSidewaysFacet() throws Exception {
        SearchResult full = exact.search(request("问题", 2022, null, 1));
        SearchResult bounded = estimating.search(request("问题", 2022, null, 1));
        assertTrue(full.total() <= 300, "narrow with its filter: " + full.total());
        assertTrue(bounded.totalExact());
        assertEquals(full.total(), bounded.total());
        assertEquals(full.hits(), bounded.hits());
        assertEquals(full.facets().get("section"), bounded.facets().get("section"));
        // the year facet is counted without the year filter: all years, beyond the bound
        assertFalse(bounded.facetsExact());
        long allYears = full.facets().get("year").values().stream().mapToLong(Integer::longValue).sum();
        assertTrue(allYears > 1000);
        assertClose(full.facets().get("year"), bounded.facets().get("year"), allYears, "year sideways");
    }

    @Test
    void orderByYearKeepsTheExactHitsToo() throws Exception {
        SearchRequest byYear = request("问题", null, null, 2).withOrder(SearchRequest.Order.YEAR);
        SearchResult full = exact.search(byYear);
        SearchResult sampled = estimating.search(byYear);
        assertFalse(sampled.totalExact());
        assertEquals(full.hits(), sampled.hits());
    }
}
