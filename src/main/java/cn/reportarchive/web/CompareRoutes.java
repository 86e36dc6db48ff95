package cn.reportarchive.web;

import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.parse.UnitNames;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Comparison across years, repeated problems and copied materials, as plain handlers. A viewer
 * asking for a unit it may not read gets the 404 of a unit without materials; every comparison is
 * recorded in the audit log.
 */
final class CompareRoutes {
    private final CompareService compare;
    private final Audit audit;

    CompareRoutes(CompareService compare, Audit audit) {
        this.compare = compare;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/compare", this::compare);
        routes.get("/api/repeats", this::repeats);
    }

    private void compare(Context ctx) throws Exception {
        int from = requiredYear(ctx, "from");
        int to = requiredYear(ctx, "to");
        String unit = ctx.queryParam("unit");
        String author = ApiRoutes.blankToNull(ctx.queryParam("author"));
        Map<String, Object> detail = detail("compare", unit, author);
        detail.put("from", from);
        detail.put("to", to);
        hideUnreadable(ctx, unit, detail, (author == null ? "领导班子" : " " + author) + " " + from + " 年的材料。");
        try {
            Object result = compare.compare(unit, author, from, to);
            audit.record(ctx, AuditAction.COMPARE, null, detail);
            ctx.json(result);
        } catch (CompareException e) {
            throw new ApiError(e.reason() == CompareException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
        }
    }

    private void repeats(Context ctx) throws Exception {
        String unit = ctx.queryParam("unit");
        String author = ApiRoutes.blankToNull(ctx.queryParam("author"));
        Map<String, Object> detail = detail("repeats", unit, author);
        hideUnreadable(ctx, unit, detail, (author == null ? "领导班子" : " " + author) + "的材料。");
        try {
            Object result = compare.history(unit, author);
            audit.record(ctx, AuditAction.COMPARE, null, detail);
            ctx.json(result);
        } catch (CompareException e) {
            throw new ApiError(e.reason() == CompareException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
        }
    }

    private static Map<String, Object> detail(String what, String unit, String author) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("what", what);
        detail.put("unit", unit);
        if (author != null) {
            detail.put("author", author);
        }
        return detail;
    }

    /** 404 worded as for a unit without materials when the caller may not read the unit (recorded as such). */
    private void hideUnreadable(Context ctx, String unit, Map<String, Object> detail, String notFoundTail) {
        String canonical = unit == null || unit.isBlank() ? null : UnitNames.canonical(unit.strip());
        if (canonical != null && !Auth.access(ctx).mayRead(canonical)) {
            detail.put("result", "hidden");
            audit.record(ctx, AuditAction.COMPARE, null, detail);
            throw new ApiError(404, "档案库中没有" + canonical + notFoundTail);
        }
    }

    static int requiredYear(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new ApiError(400, "请指定年度参数 " + name + "。");
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "参数 " + name + " 应为年度（整数）。");
        }
    }
}
