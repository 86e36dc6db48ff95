package cn.reportarchive.web;

import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.AuditLog;
import cn.reportarchive.auth.Principal;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what a request did in the audit log, with the caller, the time and the client address.
 * A route calls it once it knows the outcome, before it answers:
 *
 * <pre>{@code
 * audit.record(ctx, AuditAction.EXPORT, reportId, Map.of("format", "csv", "rows", n));
 * }</pre>
 *
 * The detail is a small map of what an auditor would want to know (a search's query and filters, a
 * file name, a count); it must never hold a password or a session token. When the log cannot be
 * written the request fails with 503 rather than go unrecorded.
 */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final AuditLog log;
    private final Clock clock;

    Audit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** An action of the signed-in caller (or of the open archive's local user). */
    public void record(Context ctx, AuditAction action, String target, Map<String, ?> detail) {
        Principal p = Auth.principal(ctx);
        recordAs(ctx, p == null ? null : p.name(), action, target, detail);
    }

    /**
     * The outcome of a change already recorded before it was made: written if possible, and if not
     * only logged (the change has happened; answering 503 "not done" would be false).
     */
    public void recordAfter(Context ctx, AuditAction action, String target, Map<String, ?> detail) {
        Principal p = Auth.principal(ctx);
        try {
            log.append(clock.instant(), p == null ? null : p.name(), ctx.ip(), action, target, detail);
        } catch (SQLException e) {
            LOG.error("audit entry {} (outcome of {}) not written", action.key(), target, e);
        }
    }

    /** An action on behalf of a name that has no session (yet): a login, a failed login. */
    public void recordAs(Context ctx, String user, AuditAction action, String target, Map<String, ?> detail) {
        try {
            log.append(clock.instant(), user, ctx.ip(), action, target, detail);
        } catch (SQLException e) {
            LOG.error("audit entry {} not written", action.key(), e);
            throw new ApiError(503, "审计日志暂时无法写入，操作未完成；请稍后重试。");
        }
    }
}
