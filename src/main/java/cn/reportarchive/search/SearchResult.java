package cn.reportarchive.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page, the total number of matching passages, counts by year, unit, aspect and
 * section, and the reports the page's hits come from (with how many of their passages are among
 * the first ranked hits, up to the depth the search looks).
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets,
                           List<ReportMatches> reports) {
    public record ReportMatches(String reportId, String title, Integer year, String unit, String author,
                                int passages) {
    }
}
