package cn.reportarchive.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.function.UnaryOperator;

/**
 * The parameters of a search, wherever the request carries them: the URL's query string (GET), or the
 * body of a POST, as a JSON object ({@code {"q": "…", "year": 2023}}) or as a form. A long pasted query
 * does not fit in a URL (Jetty takes 8 KB, some 900 Chinese characters), so the page posts it.
 */
final class SearchParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchParams() {
    }

    static UnaryOperator<String> of(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return ctx::queryParam;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            return name -> ctx.formParam(name) != null ? ctx.formParam(name) : ctx.queryParam(name);
        }
        JsonNode body;
        try {
            body = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw new ApiError(400, "请求体应为 JSON 对象，如 {\"q\": \"八项规定\", \"year\": 2023}。");
        }
        if (body == null || !body.isObject()) {
            throw new ApiError(400, "请求体应为 JSON 对象，如 {\"q\": \"八项规定\", \"year\": 2023}。");
        }
        return name -> {
            JsonNode v = body.get(name);
            if (v == null || v.isNull()) {
                return ctx.queryParam(name);
            }
            if (v.isContainerNode()) {
                throw new ApiError(400, "参数 " + name + " 应为一个字符串或数字。");
            }
            return v.asText();
        };
    }
}
