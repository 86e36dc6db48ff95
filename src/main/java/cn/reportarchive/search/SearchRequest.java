package cn.reportarchive.search;

/** A search: query text plus filters (null: any), page counted from 1. */
public record SearchRequest(String query, Integer year, String unit, String aspect, String section, int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, null, null, null, 1, DEFAULT_SIZE);
    }
}
