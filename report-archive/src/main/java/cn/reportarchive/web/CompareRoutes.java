package cn.reportarchive.web;

import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.Role;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CopyService;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The template library of copy detection, and what the comparison views share ({@link ViewRoutes}
 * answers them): a viewer asking for a unit it may not read gets the 404 of a unit without
 * materials; copy detection and the problems common to several units look across units, so they
 * are for roles that read everything (a viewer gets 403 until their answers are cut to the
 * viewer's units).
 */
final class CompareRoutes {
    private static final int MAX_LIST = 1000;
    private final CopyService copies;
    private final long maxUpload;
    private final Audit audit;

    CompareRoutes(CopyService copies, long maxUpload, Audit audit) {
        this.copies = copies;
        this.maxUpload = maxUpload;
        this.audit = audit;
    }

    /** The views themselves (compare, repeats, copies, ledger) are {@link ViewRoutes}. */
    void register(RoutesConfig routes) {
        routes.get("/api/templates", ctx -> {
            readsAll(ctx);
            ctx.json(copies.templates().stream()
                    .map(t -> Map.of("id", t.id(), "name", t.name(), "chars", t.chars(), "addedAt", t.addedAt())).toList());
        });
        routes.post("/api/templates", this::addTemplate);
        routes.delete("/api/templates/{id}", this::removeTemplate);
    }

    static Map<String, Object> detail(String what, String unit, String author) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("what", what);
        detail.put("unit", unit);
        if (author != null) {
            detail.put("author", author);
        }
        return detail;
    }

    /** {@code canonical}: the unit asked for as the archive shows it ({@code CompareService.unitOf}). */
    static void hideUnreadable(Context ctx, Audit audit, AuditAction action, String canonical, Map<String, Object> detail,
            String notFoundTail) {
        if (canonical != null && !Auth.access(ctx).mayRead(canonical)) {
            detail.put("result", "hidden");
            audit.record(ctx, action, null, detail);
            throw new ApiError(404, "档案库中没有" + canonical + notFoundTail);
        }
    }

    /** Copy detection pairs reports across units: only for roles that read every unit. */
    static void readsAll(Context ctx) {
        Auth.require(ctx, role -> !role.limitedToUnits(), "使用查重（它跨单位比对材料）");
    }

    private void addTemplate(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayImport, "添加范文");
        String type = ctx.contentType();
        UploadedFile file = type != null && type.toLowerCase().startsWith("multipart/form-data") ? ctx.uploadedFile("file") : null;
        if (file == null) {
            throw new ApiError(400, "请以 multipart/form-data 上传范文文件（字段名 file）。");
        }
        if (file.size() > maxUpload) {
            throw new ApiError(413, "范文文件过大。");
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        }
        try {
            var t = copies.addTemplate(ctx.formParam("name"), ApiRoutes.safeName(file.filename()), bytes);
            audit.record(ctx, AuditAction.TEMPLATE_ADD, t.id(), Map.of("name", t.name(),
                    "file", ApiRoutes.safeName(file.filename())));
            ctx.status(201).json(Map.of("id", t.id(), "name", t.name()));
        } catch (CompareException e) {
            throw apiError(e);
        }
    }

    private void removeTemplate(Context ctx) throws Exception {
        Auth.require(ctx, Role::mayImport, "删除范文");
        // recorded before the change: an entry that cannot be written stops it (503, nothing removed)
        audit.record(ctx, AuditAction.TEMPLATE_REMOVE, ctx.pathParam("id"), Map.of());
        if (!copies.removeTemplate(ctx.pathParam("id"))) {
            audit.recordAfter(ctx, AuditAction.TEMPLATE_REMOVE, ctx.pathParam("id"), Map.of("result", "missing"));
            throw new ApiError(404, "找不到这份范文。");
        }
        ctx.status(204);
    }

    static ApiError apiError(CompareException e) {
        return new ApiError(switch (e.reason()) {
            case NOT_FOUND -> 404;
            case UNAVAILABLE -> 503;
            default -> 400;
        }, e.getMessage());
    }

    static int limit(Context ctx, int fallback) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 1 || n > MAX_LIST) {
                throw new ApiError(400, "参数 limit 应在 1 到 " + MAX_LIST + " 之间。");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiError(400, "参数 limit 应为整数。");
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
