package cn.reportarchive.search;

import java.util.List;
import java.util.Map;

/** Hits of one page, the total, and counts by year, unit, aspect and section. */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Integer>> facets) {
}
