package cn.reportarchive.auth;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the audit log: when, who (null: the archive ran without accounts; for a failed
 * login, the name typed), from which address, what (an {@link AuditAction} key), on what (a report
 * id or an account name, or null) and the particulars (a search's query and filters, a file name…).
 */
public record AuditEntry(long id, Instant at, String user, String address, String action, String target,
                         Map<String, Object> detail) {
    public AuditEntry {
        detail = detail == null ? Map.of() : detail;
    }

    public String actionLabel() {
        return AuditAction.fromKey(action).map(AuditAction::label).orElse(action);
    }
}
