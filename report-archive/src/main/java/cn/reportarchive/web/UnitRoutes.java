package cn.reportarchive.web;

import cn.reportarchive.json.JsonMappers;
import cn.reportarchive.archive.ReportArchive;
import cn.reportarchive.archive.UnitChange;
import cn.reportarchive.archive.UnitException;
import cn.reportarchive.auth.Access;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.Principal;
import cn.reportarchive.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The unit directory over HTTP: {@code GET /api/units} (a viewer sees only its own units' entries),
 * {@code POST /api/units/merge {"names": [...], "into": "…"}} answering the merged unit, and
 * {@code POST /api/units/unmerge {"name": "…"}} answering the unit restored. Admins and inspectors
 * merge; a refused merge (unknown name, a unit into itself) is 400 and changes nothing; a merge
 * and an unmerge are audited with the names before and after.
 */
final class UnitRoutes {
    private static final ObjectMapper BODY = JsonMappers.create();
    private static final long MAX_BODY = 64 * 1024;
    private static final int MAX_NAMES = 100;

    private final ReportArchive archive;
    private final Audit audit;

    UnitRoutes(ReportArchive archive, Audit audit) {
        this.archive = archive;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/units", this::list);
        routes.post("/api/units/merge", this::merge);
        routes.post("/api/units/unmerge", this::unmerge);
    }

    private void list(Context ctx) throws Exception {
        Access access = Auth.access(ctx);
        ctx.json(access.filter(archive.units(), e -> e.unit()));
    }

    private static boolean mayMerge(Role role) {
        return role == Role.ADMIN || role == Role.INSPECTOR;
    }

    private void merge(Context ctx) throws Exception {
        Principal p = Auth.require(ctx, UnitRoutes::mayMerge, "合并单位");
        JsonNode body = body(ctx);
        JsonNode names = body.get("names");
        if (names == null || !names.isArray() || names.isEmpty()) {
            throw new ApiError(400, "请在 names 中列出要合并的单位名称。");
        }
        if (names.size() > MAX_NAMES) {
            throw new ApiError(400, "一次最多合并 " + MAX_NAMES + " 个名称。");
        }
        List<String> given = new ArrayList<>();
        for (JsonNode n : names) {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new ApiError(400, "names 中的每一项都应是非空的单位名称。");
            }
            given.add(n.asText().strip());
        }
        String into = text(body, "into", "请在 into 中写明合并到哪个单位。");
        UnitChange change;
        try {
            change = archive.mergeUnits(given, into, p.open() ? "本机用户" : p.name());
        } catch (UnitException e) {
            throw new ApiError(400, e.getMessage());
        }
        audit.record(ctx, AuditAction.UNIT_MERGE, change.unit(), change.auditDetail(given, into));
        ctx.json(archive.unit(change.unit()));
    }

    private void unmerge(Context ctx) throws Exception {
        Auth.require(ctx, UnitRoutes::mayMerge, "撤销合并单位");
        String name = text(body(ctx), "name", "请在 name 中写明要撤销合并的单位名称。");
        UnitChange change;
        try {
            change = archive.unmergeUnit(name);
        } catch (UnitException e) {
            throw new ApiError(400, e.getMessage());
        }
        audit.record(ctx, AuditAction.UNIT_UNMERGE, change.unit(), change.auditDetail(List.of(name), null));
        ctx.json(archive.unit(change.unit()));
    }

    private static JsonNode body(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw new ApiError(413, "请求过大。");
        }
        try {
            JsonNode body = BODY.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw new ApiError(400, "请求应为 JSON 对象。");
            }
            return body;
        } catch (ApiError e) {
            throw e;
        } catch (Exception e) {
            throw new ApiError(400, "请求不是有效的 JSON。");
        }
    }

    private static String text(JsonNode body, String field, String missing) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new ApiError(400, missing);
        }
        return v.asText().strip();
    }
}
