package cn.reportarchive.web;

import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CompareService;
import cn.reportarchive.compare.CopyService;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.Map;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Comparison across years, repeated problems and copied materials, as plain handlers. */
final class CompareRoutes {
    private static final int MAX_LIST = 1000;
    private final CompareService compare;
    private final CopyService copies;
    private final long maxUpload;

    CompareRoutes(CompareService compare, CopyService copies, long maxUpload) {
        this.compare = compare;
        this.copies = copies;
        this.maxUpload = maxUpload;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/compare", this::compare);
        routes.get("/api/repeats", this::repeats);
        routes.get("/api/repeats/common", ctx -> ctx.json(Map.of("groups",
                compare.common(ApiRoutes.parseInt(ctx.queryParam("year"), "year", null), limit(ctx, 50)))));
        routes.get("/api/copies", this::copyPairs);
        routes.get("/api/copies/{id}", this::copyCheck);
        routes.get("/api/templates", ctx -> ctx.json(copies.templates().stream()
                .map(t -> Map.of("id", t.id(), "name", t.name(), "chars", t.chars(), "addedAt", t.addedAt())).toList()));
        routes.post("/api/templates", this::addTemplate);
        routes.delete("/api/templates/{id}", this::removeTemplate);
    }

    private void compare(Context ctx) throws Exception {
        int from = requiredYear(ctx, "from");
        int to = requiredYear(ctx, "to");
        try {
            ctx.json(compare.compare(ctx.queryParam("unit"), ctx.queryParam("author"), from, to));
        } catch (CompareException e) {
            throw apiError(e);
        }
    }

    private void repeats(Context ctx) throws Exception {
        try {
            ctx.json(compare.history(ctx.queryParam("unit"), ctx.queryParam("author")));
        } catch (CompareException e) {
            throw apiError(e);
        }
    }

    private void copyPairs(Context ctx) throws Exception {
        ctx.json(Map.of("pairs", copies.pairs(limit(ctx, 100))));
    }

    private void copyCheck(Context ctx) throws Exception {
        try {
            ctx.json(copies.check(ctx.pathParam("id")));
        } catch (CompareException e) {
            throw apiError(e);
        }
    }

    private void addTemplate(Context ctx) throws Exception {
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
            ctx.status(201).json(Map.of("id", t.id(), "name", t.name()));
        } catch (CompareException e) {
            throw apiError(e);
        }
    }

    private void removeTemplate(Context ctx) throws Exception {
        if (!copies.removeTemplate(ctx.pathParam("id"))) {
            throw new ApiError(404, "找不到这份范文。");
        }
        ctx.status(204);
    }

    static ApiError apiError(CompareException e) {
        return new ApiError(e.reason() == CompareException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
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
