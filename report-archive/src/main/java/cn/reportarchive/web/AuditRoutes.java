package cn.reportarchive.web;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.AuditCsv;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditLog;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log for admins: GET /api/audit (a page of entries, newest first, filtered by user,
 * action, target and a range of days) and GET /api/audit/export (the same filter as CSV, itself
 * recorded as an export). Everyone else gets 403. Days are calendar days in the server's zone.
 */
final class AuditRoutes {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AuditLog log;
    private final Audit audit;
    private final Clock clock;
    private final ZoneId zone;

    AuditRoutes(AuditLog log, Audit audit, Clock clock) {
        this.log = log;
        this.audit = audit;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/audit", this::page);
        routes.get("/api/audit/export", this::export);
    }

    private void page(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayReadAudit, "查看审计日志");
        AuditQuery query = query(ctx);
        audit.record(ctx, AuditAction.AUDIT_READ, null, filters(ctx));
        AuditLog.Page page = log.query(query);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (AuditEntry e : page.entries()) {
            entries.add(json(e));
        }
        List<Map<String, String>> actions = new ArrayList<>();
        for (AuditAction a : AuditAction.values()) {
            actions.add(Map.of("key", a.key(), "label", a.label()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("page", query.page());
        out.put("size", query.size());
        out.put("entries", entries);
        out.put("actions", actions);
        ctx.json(out);
    }

    private void export(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayReadAudit, "导出审计日志");
        AuditQuery query = query(ctx);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("what", "audit");
        detail.putAll(filters(ctx));
        audit.record(ctx, AuditAction.EXPORT, null, detail);
        String name = "audit-" + FILE_TIME.format(clock.instant().atZone(zone)) + ".csv";
        ctx.contentType("text/csv; charset=UTF-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (AuditCsv csv = new AuditCsv(new BufferedWriter(new OutputStreamWriter(ctx.outputStream(),
                StandardCharsets.UTF_8)), zone)) {
            log.forEach(query, csv::write);
        }
    }

    private Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("at", e.at().atZone(zone).toOffsetDateTime().toString());
        m.put("user", e.user());
        m.put("address", e.address());
        m.put("action", e.action());
        m.put("actionLabel", e.actionLabel());
        m.put("target", e.target());
        m.put("detail", e.detail());
        m.put("detailText", cn.reportarchive.auth.AuditDetails.describe(e.detail()));
        return m;
    }

    private AuditQuery query(Context ctx) {
        String action = Strings.blankToNull(ctx.queryParam("action"));
        if (action != null && AuditAction.fromKey(action).isEmpty()) {
            throw new ApiError(400, "未知的操作类型“" + ApiRoutes.shorten(action) + "”。");
        }
        LocalDate from = day(ctx, "from");
        LocalDate to = day(ctx, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new ApiError(400, "日期范围的起止颠倒了。");
        }
        return new AuditQuery(Strings.blankToNull(ctx.queryParam("user")), action,
                Strings.blankToNull(ctx.queryParam("target")),
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                ApiRoutes.intParam(ctx, "page", 1), ApiRoutes.intParam(ctx, "size", AuditQuery.DEFAULT_SIZE));
    }

    private static Map<String, Object> filters(Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String p : List.of("user", "action", "target", "from", "to")) {
            String v = Strings.blankToNull(ctx.queryParam(p));
            if (v != null) {
                m.put(p, v);
            }
        }
        return m;
    }

    private static LocalDate day(Context ctx, String name) {
        String value = Strings.blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "日期“" + ApiRoutes.shorten(value) + "”的写法不对，应写作 2024-05-01。");
        }
    }
}
