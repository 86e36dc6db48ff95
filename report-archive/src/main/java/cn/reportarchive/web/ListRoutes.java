package cn.reportarchive.web;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.archive.Listing;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.Access;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.export.ExportTable;
import cn.reportarchive.export.Spreadsheets;
import cn.reportarchive.parse.ReportSummary;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive's list a page at a time, for pages that must not load every report: the 浏览 list
 * with its sorts, the report pickers (reports found by unit, year, author or title as one types),
 * the unit × year grid (a page of units), and the filtered list as a file. Viewers see their units
 * only, as in {@code GET /api/reports}; every answer is audited as a listing or an export.
 *
 * <p>Parameters: {@code unit, year, author, text, warn=1}; {@code sort=unit|year|imported},
 * {@code order=asc|desc}; {@code page} (from 1), {@code size} (at most {@value Listing#MAX_LIMIT}).
 */
final class ListRoutes {
    private static final int DEFAULT_SIZE = 50;
    /** Rows an export may hold: an .xlsx of them is built in memory. */
    static final int MAX_EXPORT_ROWS = 100_000;

    private final ReportArchive archive;
    private final Audit audit;

    ListRoutes(ReportArchive archive, Audit audit) {
        this.archive = archive;
        this.audit = audit;
    }

    /** Before the JSON routes: /api/reports/page is not a report id. */
    void register(RoutesConfig routes) {
        routes.get("/api/reports/page", this::page);
        routes.get("/api/reports/grid", this::grid);
        routes.get("/api/reports/export", this::export);
    }

    private void page(Context ctx) throws Exception {
        Listing listing = listing(ctx, Auth.access(ctx));
        Listing.Page page = archive.page(listing);
        Map<String, Object> detail = detail(ctx);
        detail.put("rows", page.reports().size());
        audit.record(ctx, AuditAction.LIST, null, detail);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", page.total());
        out.put("page", listing.offset() / listing.limit() + 1);
        out.put("size", listing.limit());
        out.put("sort", listing.order().key());
        out.put("order", listing.descending() ? "desc" : "asc");
        out.put("reports", page.reports());
        ctx.json(out);
    }

    private void grid(Context ctx) throws Exception {
        Listing listing = listing(ctx, Auth.access(ctx));
        Listing.Grid grid = archive.grid(listing);
        Map<String, Object> detail = detail(ctx);
        detail.put("what", "grid");
        detail.put("rows", grid.rows().size());
        audit.record(ctx, AuditAction.LIST, null, detail);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("units", grid.units());
        out.put("reports", grid.reports());
        out.put("page", listing.offset() / listing.limit() + 1);
        out.put("size", listing.limit());
        out.put("years", grid.years());
        out.put("rows", grid.rows());
        ctx.json(out);
    }

    /** The whole filtered list in the order asked for, as .xlsx (default) or .csv, read from the catalog a page at a time. */
    private void export(Context ctx) throws Exception {
        Access access = Auth.access(ctx);
        String format = Strings.blankToNull(ctx.queryParam("format"));
        format = format == null ? "xlsx" : format.toLowerCase(java.util.Locale.ROOT);
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new ApiError(400, "format 只能是 xlsx 或 csv。");
        }
        Listing first = listing(ctx, access);
        ExportTable.Builder table = new ExportTable.Builder("材料清单", "单位", "年度", "标题", "作者", "职务", "类别",
                "会议", "文件名", "待核对", "编号");
        int rows = 0;
        for (int offset = 0; ; offset += Listing.MAX_LIMIT) {
            Listing.Page page = archive.page(new Listing(first.unit(), first.year(), first.author(), first.text(),
                    first.warningsOnly(), first.units(), first.order(), first.descending(), offset, Listing.MAX_LIMIT));
            if (offset == 0 && page.total() > MAX_EXPORT_ROWS) {
                throw new ApiError(400, "符合条件的材料有 " + page.total() + " 份，一次最多导出 " + MAX_EXPORT_ROWS
                        + " 份；请按单位或年度缩小范围后再导出。");
            }
            for (ReportSummary r : page.reports()) {
                table.row(r.unit(), r.year(), r.title(), r.author(), r.post(), kindLabel(r.kind()),
                        r.meeting(), r.filename(), r.warnings() == null || r.warnings().isEmpty() ? null : "是", r.id());
                rows++;
            }
            if (page.reports().size() < Listing.MAX_LIMIT) {
                break;
            }
        }
        Map<String, Object> detail = detail(ctx);
        detail.put("what", "list");
        detail.put("format", format);
        detail.put("rows", rows);
        audit.record(ctx, AuditAction.EXPORT, null, detail);
        ExportTable built = table.build();
        if (format.equals("csv")) {
            Downloads.send(ctx, "材料清单.csv", "text/csv; charset=utf-8", Spreadsheets.csv(built));
        } else {
            Downloads.send(ctx, "材料清单.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    Spreadsheets.xlsx(List.of(built)));
        }
    }

    private static Listing listing(Context ctx, Access access) {
        String sortKey = Strings.blankToNull(ctx.queryParam("sort"));
        Listing.Order sort = sortKey == null ? Listing.Order.UNIT : Listing.Order.of(sortKey);
        if (sort == null) {
            throw new ApiError(400, "sort 只能是 unit（单位）、year（年度）或 imported（导入时间）。");
        }
        String order = Strings.blankToNull(ctx.queryParam("order"));
        if (order != null && !order.equals("asc") && !order.equals("desc")) {
            throw new ApiError(400, "order 只能是 asc（升序）或 desc（降序）。");
        }
        int page = ApiRoutes.intParam(ctx, "page", 1);
        int size = ApiRoutes.intParam(ctx, "size", DEFAULT_SIZE);
        if (page < 1 || size < 1 || size > Listing.MAX_LIMIT) {
            throw new ApiError(400, "page 应从 1 起，size 应在 1 到 " + Listing.MAX_LIMIT + " 之间。");
        }
        if ((long) (page - 1) * size > Integer.MAX_VALUE) {
            throw new ApiError(400, "page 太大了。");
        }
        return new Listing(Strings.blankToNull(ctx.queryParam("unit")), ApiRoutes.intParam(ctx, "year", null),
                Strings.blankToNull(ctx.queryParam("author")), Strings.blankToNull(ctx.queryParam("text")),
                "1".equals(ctx.queryParam("warn")), access.units(), sort, "desc".equals(order), (page - 1) * size, size);
    }

    private static String kindLabel(cn.reportarchive.parse.ReportKind kind) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case TEAM -> "班子";
            case PERSONAL -> "个人";
            case UNKNOWN -> null;
        };
    }

    private static Map<String, Object> detail(Context ctx) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (String key : List.of("unit", "year", "author", "text", "warn", "sort", "order", "page")) {
            String v = Strings.blankToNull(ctx.queryParam(key));
            if (v != null) {
                detail.put(key, v);
            }
        }
        return detail;
    }
}
