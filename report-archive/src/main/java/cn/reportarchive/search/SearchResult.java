package cn.reportarchive.search;

import java.util.List;
import java.util.Map;

/**
 * Hits of one page, the total number of matching passages, counts by year, unit, aspect and
 * section, and the reports the page's hits come from (with how many of their passages are among
 * the first ranked hits, up to the depth the search looks). The hits are always exact; the total
 * and the counts are exact up to several thousand matches and estimated from a sample beyond,
 * which {@code totalExact} and {@code facetsExact} say.
 */
public record SearchResult(long total, boolean totalExact, List<SearchHit> hits,
                           Map<String, Map<String, Integer>> facets, boolean facetsExact,
                           List<ReportMatches> reports) {
    public record ReportMatches(String reportId, String title, Integer year, String unit, String author,
                                int passages) {
    }
}
