package cn.reportarchive.web;

import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.CompareService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Comparison across years, repeated problems and copied materials, as plain handlers. */
final class CompareRoutes {
    private final CompareService compare;

    CompareRoutes(CompareService compare) {
        this.compare = compare;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/compare", this::compare);
        routes.get("/api/repeats", this::repeats);
    }

    private void compare(Context ctx) throws Exception {
        int from = requiredYear(ctx, "from");
        int to = requiredYear(ctx, "to");
        try {
            ctx.json(compare.compare(ctx.queryParam("unit"), ctx.queryParam("author"), from, to));
        } catch (CompareException e) {
            throw new ApiError(e.reason() == CompareException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
        }
    }

    private void repeats(Context ctx) throws Exception {
        try {
            ctx.json(compare.history(ctx.queryParam("unit"), ctx.queryParam("author")));
        } catch (CompareException e) {
            throw new ApiError(e.reason() == CompareException.Reason.NOT_FOUND ? 404 : 400, e.getMessage());
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
