package cn.reportarchive.search;

import java.util.Set;

/**
 * A search: the query in the query language, filters (null: any) that add to the query's own,
 * the page (from 1) and its size, the order, whether related words widen bare words, how many
 * passages of one report may stand before other reports get their turn (0: no limit), and the
 * units the caller may read (null: all; hits, facets and totals never go beyond them).
 */
public record SearchRequest(String query, Integer year, String unit, String aspect, String section,
                            int page, int size, Order order, boolean related, int perReport, Set<String> units) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_PER_REPORT = 2;

    public enum Order { RELEVANCE, YEAR }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        order = order == null ? Order.RELEVANCE : order;
        perReport = Math.max(0, perReport);
        units = units == null ? null : Set.copyOf(units);
    }

    public SearchRequest(String query, Integer year, String unit, String aspect, String section,
                         int page, int size, Order order, boolean related, int perReport) {
        this(query, year, unit, aspect, section, page, size, order, related, perReport, null);
    }

    public SearchRequest(String query, Integer year, String unit, String aspect, String section, int page, int size) {
        this(query, year, unit, aspect, section, page, size, Order.RELEVANCE, true, DEFAULT_PER_REPORT);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, 1, DEFAULT_SIZE);
    }

    public SearchRequest withPerReport(int n) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, order, related, n, units);
    }

    public SearchRequest withRelated(boolean on) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, order, on, perReport, units);
    }

    public SearchRequest withOrder(Order newOrder) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, newOrder, related, perReport, units);
    }

    /** The same search limited to these units (null: all), e.g. a viewer's {@code Access.units()}. */
    public SearchRequest withUnits(Set<String> readable) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, order, related, perReport, readable);
    }
}
