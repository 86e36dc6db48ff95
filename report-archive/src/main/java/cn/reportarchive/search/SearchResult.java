package cn.reportarchive.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page, the total number of matching passages, counts by year, unit, aspect and
 * section, and the reports the page's hits come from (with how many of their passages are among
 * the first ranked hits, up to the depth the search looks). The hits are always exact; the total
 * and the counts are exact up to several thousand matches and estimated from a sample beyond,
 * which {@code totalExact} and {@code facetsExact} say.
 *
 * <p>Beyond INTERFACE.md's fields, what the search understood: {@code queryFilters} the facet values the
 * filters typed in the query select (year:2023 → {"year": ["2023"]}; unit:财政局 → the unit's name), so a
 * page shows them as selected; {@code dropped} the words left out when no passage held every word
 * (the hits are then the best partial matches); {@code related} the related words the page's hits were
 * found through; {@code notes} one Chinese sentence for each of these, to show above the hits.
 */
public record SearchResult(long total, boolean totalExact, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets, boolean facetsExact,
                           List<ReportMatches> reports, Map<String, List<String>> queryFilters,
                           List<String> dropped, List<String> related, List<String> notes) {
    public record ReportMatches(String reportId, String title, Integer year, String unit, String author,
                                int passages) {
    }

    public SearchResult {
        queryFilters = queryFilters == null ? Map.of() : Map.copyOf(queryFilters);
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
        related = related == null ? List.of() : List.copyOf(related);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public SearchResult(long total, boolean totalExact, List<SearchHit> hits,
                        Map<String, Map<String, Integer>> facets, boolean facetsExact, List<ReportMatches> reports) {
        this(total, totalExact, hits, facets, facetsExact, reports, null, null, null, null);
    }

    SearchResult withHits(List<SearchHit> marked) {
        return new SearchResult(total, totalExact, marked, facets, facetsExact, reports, queryFilters, dropped, related, notes);
    }

    SearchResult withUnderstanding(Map<String, List<String>> filters, List<String> droppedWords,
                                   List<String> relatedWords, List<String> sentences) {
        return new SearchResult(total, totalExact, hits, facets, facetsExact, reports, filters, droppedWords,
                relatedWords, sentences);
    }
}
