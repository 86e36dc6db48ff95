package cn.reportarchive.auth;

import java.time.Instant;

/**
 * Which audit entries to read, newest first: by user, action and target (null: any), from an
 * instant (inclusive) to another (exclusive), a page of a size.
 */
public record AuditQuery(String user, String action, String target, Instant from, Instant to, int page, int size) {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    public AuditQuery {
        page = Math.max(1, page);
        size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, 1, DEFAULT_SIZE);
    }
}
