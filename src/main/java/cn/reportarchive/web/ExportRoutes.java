package cn.reportarchive.web;

import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.compare.Comparison;
import cn.reportarchive.compare.CopyCheck;
import cn.reportarchive.compare.CopyService;
import cn.reportarchive.compare.History;
import cn.reportarchive.auth.AuditAction;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The compare view and the lists as files: ?format=xlsx (every table a sheet) or ?format=csv (one
 * table, chosen with ?part= where there are several). The same parameters, the same unit checks as
 * the JSON answers, and every export recorded in the audit log.
 */
final class ExportRoutes {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String CSV = "text/csv; charset=utf-8";

    private final CompareService compare;
    private final CopyService copies;
    private final ExportRows rows;
    private final Audit audit;

    ExportRoutes(CompareService compare, CopyService copies, ExportRows rows, Audit audit) {
        this.compare = compare;
        this.copies = copies;
        this.rows = rows;
        this.audit = audit;
    }

    /** Registered before the JSON routes, so that /api/copies/export is not taken for a report id. */
    void register(RoutesConfig routes) {
        routes.get("/api/compare/export", this::compare);
        routes.get("/api/repeats/export", this::repeats);
        routes.get("/api/repeats/common/export", this::common);
        routes.get("/api/copies/export", this::copyPairs);
        routes.get("/api/copies/{id}/export", this::copyCheck);
    }

    private void compare(Context ctx) throws Exception {
        Comparison c;
        int from = CompareRoutes.requiredYear(ctx, "from");
        int to = CompareRoutes.requiredYear(ctx, "to");
        Map<String, Object> detail = CompareRoutes.detail("compare", ctx.queryParam("unit"), ctx.queryParam("author"));
        detail.put("from", from);
        detail.put("to", to);
        CompareRoutes.hideUnreadable(ctx, audit, AuditAction.EXPORT, compare.unitOf(ctx.queryParam("unit")), detail, "的材料。");
        try {
            c = compare.within(Auth.access(ctx).units()).compare(ctx.queryParam("unit"), ctx.queryParam("author"), from, to);
        } catch (CompareException e) {
            throw failed(ctx, detail, e);
        }
        String who = c.unit() + (c.author() == null ? "" : "_" + c.author());
        send(ctx, detail, who + "_" + c.from().year() + "-" + c.to().year() + "年对比",
                List.of(rows.compareProblems(c), rows.compareMeasures(c)), List.of("problems", "measures"));
    }

    private void repeats(Context ctx) throws Exception {
        History h;
        Map<String, Object> detail = CompareRoutes.detail("repeats", ctx.queryParam("unit"), ctx.queryParam("author"));
        CompareRoutes.hideUnreadable(ctx, audit, AuditAction.EXPORT, compare.unitOf(ctx.queryParam("unit")), detail, "的材料。");
        try {
            h = compare.within(Auth.access(ctx).units()).history(ctx.queryParam("unit"), ctx.queryParam("author"));
        } catch (CompareException e) {
            throw failed(ctx, detail, e);
        }
        send(ctx, detail, h.unit() + (h.author() == null ? "" : "_" + h.author()) + "_重复问题",
                List.of(rows.chains(h), rows.trend(h)), List.of("chains", "trend"));
    }

    private void common(Context ctx) throws Exception {
        CompareRoutes.readsAll(ctx);
        Integer year = ApiRoutes.parseInt(ctx.queryParam("year"), "year", null);
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("what", "common-problems");
        detail.put("year", year);
        List<cn.reportarchive.compare.CommonProblems.Group> groups;
        try {
            groups = compare.common(year, CompareRoutes.limit(ctx, 50));
        } catch (CompareException e) {
            throw failed(ctx, detail, e);
        }
        send(ctx, detail, "全库常见问题" + (year == null ? "" : "_" + year + "年"), List.of(rows.common(groups)), List.of("groups"));
    }

    private void copyPairs(Context ctx) throws Exception {
        CompareRoutes.readsAll(ctx);
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("what", "copies"));
        List<CopyCheck.Pair> pairs;
        try {
            pairs = copies.pairs(CompareRoutes.limit(ctx, 100));
        } catch (CompareException e) {
            throw failed(ctx, detail, e);
        }
        send(ctx, detail, "全库雷同材料", List.of(rows.copyPairs(pairs)), List.of("pairs"));
    }

    private void copyCheck(Context ctx) throws Exception {
        CompareRoutes.readsAll(ctx);
        Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("what", "copy-check", "report", ctx.pathParam("id")));
        CopyCheck c;
        try {
            c = copies.check(ctx.pathParam("id"));
        } catch (CompareException e) {
            throw failed(ctx, detail, e);
        }
        send(ctx, detail, "查重_" + (c.title() == null || c.title().isBlank() ? c.reportId() : c.title()),
                List.of(rows.copyPassages(c)), List.of("passages"));
    }

    /** An export that could not be made is recorded too, with why; then answered as the JSON route would. */
    private ApiError failed(Context ctx, Map<String, Object> detail, CompareException e) {
        detail.put("format", ctx.queryParam("format"));
        detail.put("result", "failed");
        detail.put("error", e.getMessage());
        audit.record(ctx, AuditAction.EXPORT, null, detail);
        return CompareRoutes.apiError(e);
    }

    /**
     * Writes the tables as the format asked for, recorded first with the format and the number of
     * rows that leave. parts names the tables for ?part= of a CSV (the first when not given); the
     * file name gets the table's name when it is not the first.
     */
    private void send(Context ctx, Map<String, Object> detail, String baseName, List<ExportTable> tables, List<String> parts) {
        String format = ctx.queryParam("format");
        format = format == null || format.isBlank() ? "xlsx" : format.strip().toLowerCase();
        switch (format) {
            case "xlsx" -> {
                detail.put("format", "xlsx");
                detail.put("rows", tables.stream().mapToInt(t -> t.rows().size()).sum());
                audit.record(ctx, AuditAction.EXPORT, null, detail);
                Downloads.send(ctx, fileName(baseName) + ".xlsx", XLSX, Spreadsheets.xlsx(tables));
            }
            case "csv" -> {
                String part = ctx.queryParam("part");
                int i = part == null || part.isBlank() ? 0 : parts.indexOf(part.strip());
                if (i < 0) {
                    throw new ApiError(400, "part 只能是 " + String.join("、", parts) + " 之一。");
                }
                ExportTable table = tables.get(i);
                detail.put("format", "csv");
                detail.put("part", parts.get(i));
                detail.put("rows", table.rows().size());
                audit.record(ctx, AuditAction.EXPORT, null, detail);
                Downloads.send(ctx, fileName(baseName + (i == 0 ? "" : "_" + table.name())) + ".csv", CSV,
                        Spreadsheets.csv(table));
            }
            default -> throw new ApiError(400, "format 只能是 xlsx 或 csv。");
        }
    }

    /** No characters that Windows refuses in a file name (a unit name may hold a slash). */
    static String fileName(String s) {
        String name = s.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
