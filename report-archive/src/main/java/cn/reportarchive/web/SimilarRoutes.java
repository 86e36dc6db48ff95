package cn.reportarchive.web;

import cn.reportarchive.parse.Strings;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.compare.CompareException;
import cn.reportarchive.compare.SimilarPoints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 查相似表述 over HTTP: {@code GET /api/similar?text=&unit=&year=&limit=} as INTERFACE.md fixes it, and
 * the same as {@code POST /api/similar} with a JSON body, for a paste longer than a URL carries.
 * Hits are cut to the caller's units; every look-up is audited as a search, with the length of the
 * text and the filters (never the pasted text: it is report text).
 */
final class SimilarRoutes {
    private static final ObjectMapper BODY = new ObjectMapper();
    /** Room for the longest text taken (2,000 characters, UTF-8) and the other fields. */
    private static final long MAX_BODY = 64 * 1024;

    private final SimilarPoints similar;
    private final Audit audit;

    SimilarRoutes(SimilarPoints similar, Audit audit) {
        this.similar = similar;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/similar", ctx -> answer(ctx, ctx.queryParam("text"), ctx.queryParam("unit"),
                ApiRoutes.intParam(ctx, "year", null), ctx.queryParam("section"),
                ApiRoutes.intParam(ctx, "limit", SimilarPoints.DEFAULT_LIMIT)));
        routes.post("/api/similar", ctx -> {
            JsonNode body = body(ctx);
            answer(ctx, field(body, "text"), field(body, "unit"), ApiRoutes.parseInt(field(body, "year"), "year", null),
                    field(body, "section"), ApiRoutes.parseInt(field(body, "limit"), "limit", SimilarPoints.DEFAULT_LIMIT));
        });
    }

    private void answer(Context ctx, String text, String unit, Integer year, String section, Integer limit)
            throws Exception {
        String scopedUnit = Strings.blankToNull(unit);
        SimilarPoints.Result result;
        try {
            result = similar.find(new SimilarPoints.Request(text, scopedUnit, year, section, limit,
                    Auth.access(ctx).units()));
        } catch (CompareException e) {
            throw new ApiError(400, e.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("mode", "similar");
        detail.put("chars", text == null ? 0 : text.codePointCount(0, text.length()));
        if (scopedUnit != null) {
            detail.put("unit", scopedUnit);
        }
        if (year != null) {
            detail.put("year", year);
        }
        if (Strings.blankToNull(section) != null) {
            detail.put("section", section.strip());
        }
        detail.put("hits", result.hits().size());
        audit.record(ctx, AuditAction.SEARCH, null, detail);
        ctx.json(Map.of("hits", result.hits()));
    }

    private static JsonNode body(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw new ApiError(413, "粘贴的文字过长，请只粘贴一条问题或一段话。");
        }
        try {
            JsonNode body = BODY.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw new ApiError(400, "请求应为 JSON 对象，如 {\"text\": \"…\"}。");
            }
            return body;
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            throw new ApiError(400, "请求不是有效的 JSON。");
        }
    }

    private static String field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
