package cn.reportarchive.web;

import cn.reportarchive.json.JsonMappers;
import cn.reportarchive.archive.CorrectionAudit;
import cn.reportarchive.archive.Corrections;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.Principal;
import cn.reportarchive.auth.Role;
import cn.reportarchive.parse.Correction.Field;
import cn.reportarchive.parse.ItemRef;
import cn.reportarchive.parse.Report;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code PATCH /api/reports/{id}}: a person's correction of a report, for admins and inspectors (a
 * viewer gets 403). The body is JSON with any of year, unit, author, post, kind and title, and
 * {@code aspects: {"problems/3": "theory"}} for a block the taxonomy got wrong. Answers the corrected
 * report (its {@code corrections} say what the file said); a value that cannot be right is 400 and
 * changes nothing, an unknown id (or one the caller may not read) 404. Every correction is audited
 * with the values before and after.
 */
final class CorrectionRoutes {
    /** More than any correction needs: a body past this is not a correction. */
    private static final int MAX_BODY = 64 * 1024;

    private final ReportArchive archive;
    private final Audit audit;
    private final ObjectMapper json = JsonMappers.create();

    CorrectionRoutes(ReportArchive archive, Audit audit) {
        this.archive = archive;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.patch("/api/reports/{id}", this::correct);
    }

    private void correct(Context ctx) throws Exception {
        Principal who = Auth.require(ctx, Role::mayImport, "更正材料");
        String id = ctx.pathParam("id");
        Report current = archive.get(id).orElse(null);
        if (current == null || !Auth.access(ctx).mayRead(current.unit())) {
            throw notFound(id);
        }
        Corrections.Request request = request(ctx);
        Optional<ReportArchive.Edited> edited;
        try {
            edited = archive.edit(id, request, who.name());
        } catch (Corrections.Refused e) {
            throw new ApiError(400, e.getMessage());
        }
        if (edited.isEmpty()) {
            throw notFound(id); // deleted meanwhile
        }
        audit.record(ctx, AuditAction.CORRECT, id, CorrectionAudit.detail(edited.get()));
        ctx.json(edited.get().after());
    }

    private Corrections.Request request(Context ctx) {
        String body = ctx.body();
        if (body.length() > MAX_BODY) {
            throw new ApiError(413, "更正内容过长。");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "请求体应为 JSON 对象，如 {\"year\": 2021, \"unit\": \"…\"}。");
        }
        if (root == null || !root.isObject()) {
            throw new ApiError(400, "请求体应为 JSON 对象，如 {\"year\": 2021, \"unit\": \"…\"}。");
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        Map<ItemRef, String> aspects = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("aspects")) {
                aspects(e.getValue(), aspects);
                continue;
            }
            Field field = Field.fromKey(e.getKey()).filter(f -> f != Field.ASPECT).orElseThrow(() -> new ApiError(400,
                    "不能更正“" + ApiRoutes.shorten(e.getKey()) + "”；可更正的是 year、unit、author、post、kind、title 和 aspects。"));
            fields.put(field, text(e.getValue(), field.label()));
        }
        Corrections.Request request = new Corrections.Request(fields, aspects);
        for (Map.Entry<Field, String> e : request.fields().entrySet()) {
            String problem = Corrections.problem(e.getKey(), e.getValue());
            if (problem != null) {
                throw new ApiError(400, problem);
            }
        }
        return request;
    }

    private static void aspects(JsonNode node, Map<ItemRef, String> into) {
        if (!node.isObject()) {
            throw new ApiError(400, "aspects 应为对象，如 {\"problems/3\": \"theory\"}。");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ItemRef ref = ItemRef.tryParse(e.getKey()).orElseThrow(() -> new ApiError(400,
                    "“" + ApiRoutes.shorten(e.getKey()) + "”不是部分编号（应如 problems/3）。"));
            into.put(ref, text(e.getValue(), "方面"));
        }
    }

    /** A value as text: a string, or a number for the year; anything else is refused. */
    private static String text(JsonNode value, String label) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw new ApiError(400, label + "应为文字" + (label.equals("年度") ? "或四位数字" : "") + "。");
    }

    private static ApiError notFound(String id) {
        return new ApiError(404, "找不到编号为 " + id + " 的材料。");
    }
}
