package cn.reportarchive.search;

/**
 * A search: the query in the query language, filters (null: any) that add to the query's own,
 * the page (from 1) and its size, the order, whether related words widen bare words, and how many
 * passages of one report may stand before other reports get their turn (0: no limit).
 */
public record SearchRequest(String query, Integer year, String unit, String aspect, String section,
                            int page, int size, Order order, boolean related, int perReport) {
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
    }

    public SearchRequest(String query, Integer year, String unit, String aspect, String section, int page, int size) {
        this(query, year, unit, aspect, section, page, size, Order.RELEVANCE, true, DEFAULT_PER_REPORT);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, 1, DEFAULT_SIZE);
    }

    public SearchRequest withPerReport(int n) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, order, related, n);
    }

    public SearchRequest withRelated(boolean on) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, order, on, perReport);
    }

    public SearchRequest withOrder(Order newOrder) {
        return new SearchRequest(query, year, unit, aspect, section, page, size, newOrder, related, perReport);
    }
}
