package cn.reportarchive.web;

import cn.reportarchive.json.JsonMappers;
import cn.reportarchive.auth.Account;
import cn.reportarchive.auth.AccountException;
import cn.reportarchive.auth.Accounts;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.PasswordPolicy;
import cn.reportarchive.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts in the browser, for admins only: GET /api/users (the accounts, as {@code user list
 * --json} with their state), POST /api/users JSON {"username","password","role","units"}, PATCH
 * /api/users/{name} JSON with any of "role", "units", "password", "disabled", "unlock", DELETE
 * /api/users/{name}, and GET/PUT /api/users/policy (the password rules). The same checks as the
 * command line (they are the accounts' own); every change is recorded before it is made, and a
 * refused one after; a password never reaches the log. The last enabled admin cannot be removed,
 * disabled or demoted: nobody could manage accounts in the browser afterwards.
 */
final class UserRoutes {
    /** Jackson without the body in its messages: a malformed request must not put a password in a log. */
    private static final ObjectMapper BODY = JsonMappers.create();
    private static final long MAX_BODY = 64 * 1024;

    private final Accounts accounts;
    private final LoginLimiter limiter;
    private final Audit audit;

    UserRoutes(Accounts accounts, LoginLimiter limiter, Audit audit) {
        this.accounts = accounts;
        this.limiter = limiter;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/users", this::list);
        routes.post("/api/users", this::add);
        routes.get("/api/users/policy", this::policy);
        routes.put("/api/users/policy", this::setPolicy);
        routes.patch("/api/users/{name}", this::change);
        routes.delete("/api/users/{name}", this::remove);
    }

    private void list(Context ctx) throws SQLException {
        Auth.require(ctx, Role::mayManageUsers, "管理账户");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Account a : accounts.list()) {
            out.add(describe(a));
        }
        audit.record(ctx, AuditAction.USER_LIST, null, Map.of("accounts", out.size()));
        ctx.json(out);
    }

    private Map<String, Object> describe(Account a) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("username", a.name());
        m.put("role", a.role().key());
        m.put("roleLabel", a.role().label());
        m.put("units", a.units());
        m.put("created", a.created().toString());
        m.put("disabled", a.disabled());
        m.put("locked", limiter.locked(a.name()));
        m.put("passwordSet", a.passwordSet() == null ? null : a.passwordSet().toString());
        m.put("passwordExpired", accounts.expired(a));
        return m;
    }

    private void add(Context ctx) throws SQLException {
        Auth.require(ctx, Role::mayManageUsers, "管理账户");
        JsonNode body = body(ctx);
        String name = text(body, "username");
        Role role = role(text(body, "role"));
        List<String> units = units(body);
        char[] password = password(body);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("role", role.key());
        detail.put("units", units);
        try {
            audit.record(ctx, AuditAction.USER_ADD, name, detail);
            Account a = accounts.add(name, role, units, password);
            ctx.status(201).json(describe(a));
        } catch (AccountException e) {
            throw refused(ctx, AuditAction.USER_ADD, name, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void change(Context ctx) throws SQLException {
        Auth.require(ctx, Role::mayManageUsers, "管理账户");
        String name = ctx.pathParam("name");
        Account before = accounts.find(name).orElseThrow(() -> new ApiError(404, "没有名为“" + name + "”的账户。"));
        JsonNode body = body(ctx);
        if (!body.isObject() || body.size() == 0) {
            throw new ApiError(400, "请给出要修改的内容：role、units、password、disabled 或 unlock。");
        }
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!List.of("role", "units", "password", "disabled", "unlock").contains(f)) {
                throw new ApiError(400, "不能修改账户的“" + ApiRoutes.shorten(f) + "”。");
            }
        }
        try {
            if (body.has("role") || body.has("units")) {
                Role role = body.has("role") ? role(text(body, "role")) : before.role();
                List<String> units = body.has("units") ? units(body) : (role.limitedToUnits() ? before.units() : List.of());
                if (before.role() == Role.ADMIN && role != Role.ADMIN) {
                    lastAdmin(before, "改为其他角色");
                }
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("before", Map.of("role", before.role().key(), "units", before.units()));
                detail.put("after", Map.of("role", role.key(), "units", units));
                audit.record(ctx, AuditAction.USER_CHANGE, before.name(), detail);
                accounts.setRole(before.name(), role, units);
            }
            if (body.has("password")) {
                char[] password = password(body);
                try {
                    audit.record(ctx, AuditAction.USER_PASSWORD, before.name(), Map.of("password", "reset"));
                    accounts.setPassword(before.name(), password);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
            if (body.has("disabled")) {
                if (!body.get("disabled").isBoolean()) {
                    throw new ApiError(400, "disabled 应为 true 或 false。");
                }
                boolean disabled = body.get("disabled").asBoolean();
                if (disabled && before.role() == Role.ADMIN) {
                    lastAdmin(before, "停用");
                }
                audit.record(ctx, disabled ? AuditAction.USER_DISABLE : AuditAction.USER_ENABLE, before.name(), Map.of());
                accounts.setDisabled(before.name(), disabled);
            }
            if (body.has("unlock")) {
                if (!body.get("unlock").asBoolean(false)) {
                    throw new ApiError(400, "unlock 只能为 true。");
                }
                audit.record(ctx, AuditAction.USER_UNLOCK, before.name(), Map.of());
                limiter.unlock(before.name());
            }
        } catch (AccountException e) {
            throw refused(ctx, AuditAction.USER_CHANGE, before.name(), e);
        }
        ctx.json(describe(accounts.find(before.name()).orElseThrow()));
    }

    private void remove(Context ctx) throws SQLException {
        Auth.require(ctx, Role::mayManageUsers, "管理账户");
        String name = ctx.pathParam("name");
        Account a = accounts.find(name).orElseThrow(() -> new ApiError(404, "没有名为“" + name + "”的账户。"));
        if (a.role() == Role.ADMIN) {
            lastAdmin(a, "删除");
        }
        audit.record(ctx, AuditAction.USER_REMOVE, a.name(), Map.of("role", a.role().key()));
        accounts.remove(a.name());
        limiter.unlock(a.name());
        ctx.status(204);
    }

    private void policy(Context ctx) throws SQLException {
        Auth.require(ctx, Role::mayManageUsers, "管理账户");
        ctx.json(describe(accounts.policy()));
    }

    private void setPolicy(Context ctx) throws SQLException {
        Auth.require(ctx, Role::mayManageUsers, "管理账户");
        JsonNode body = body(ctx);
        PasswordPolicy now = accounts.policy();
        PasswordPolicy next;
        try {
            next = new PasswordPolicy(integer(body, "minLength", now.minLength()), integer(body, "minClasses", now.minClasses()),
                    integer(body, "maxAgeDays", now.maxAgeDays()));
        } catch (AccountException e) {
            throw new ApiError(400, e.getMessage());
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("before", describe(now));
        detail.put("after", describe(next));
        audit.record(ctx, AuditAction.PASSWORD_POLICY, null, detail);
        accounts.setPolicy(next);
        ctx.json(describe(next));
    }

    private static Map<String, Object> describe(PasswordPolicy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("minLength", p.minLength());
        m.put("minClasses", p.minClasses());
        m.put("maxAgeDays", p.maxAgeDays());
        m.put("text", p.describe());
        return m;
    }

    /** Refuses to take away the last enabled admin. */
    private void lastAdmin(Account admin, String what) throws SQLException {
        long others = accounts.list().stream()
                .filter(a -> a.role() == Role.ADMIN && !a.disabled() && !a.id().equals(admin.id())).count();
        if (others == 0) {
            throw new ApiError(409, "“" + admin.name() + "”是唯一可用的管理员账户，不能" + what + "；请先另设一个管理员。");
        }
    }

    private ApiError refused(Context ctx, AuditAction action, String name, AccountException e) {
        audit.recordAfter(ctx, action, name, Map.of("result", "failed", "error", e.getMessage()));
        return new ApiError(e.badInput() ? 400 : 409, e.getMessage());
    }

    private static JsonNode body(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(400, "请以 JSON 提交（Content-Type: application/json）。");
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw new ApiError(413, "请求过大。");
        }
        try {
            JsonNode n = BODY.readTree(ctx.bodyAsBytes());
            if (n == null || !n.isObject()) {
                throw new ApiError(400, "请求应为一个 JSON 对象。");
            }
            return n;
        } catch (java.io.IOException e) {
            throw new ApiError(400, "请求不是有效的 JSON。");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new ApiError(400, field + " 应为文字。");
        }
        return n.asText();
    }

    private static int integer(JsonNode body, String field, int fallback) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new ApiError(400, field + " 应为整数。");
        }
        return n.asInt();
    }

    private static Role role(String key) {
        return Role.fromKey(key).orElseThrow(() -> new ApiError(400, Role.unknown(key == null ? "" : ApiRoutes.shorten(key))));
    }

    private static List<String> units(JsonNode body) {
        JsonNode n = body.get("units");
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isTextual()) { // "单位甲，单位乙" as typed in one field
            for (String u : n.asText().split("[,，、\\n]")) {
                if (!u.isBlank()) {
                    out.add(u.strip());
                }
            }
            return out;
        }
        if (!n.isArray()) {
            throw new ApiError(400, "units 应为单位名称的数组。");
        }
        for (JsonNode u : n) {
            if (!u.isTextual()) {
                throw new ApiError(400, "units 中的每一项应为单位名称。");
            }
            out.add(u.asText());
        }
        return out;
    }

    private static char[] password(JsonNode body) {
        String p = text(body, "password");
        if (p == null) {
            throw new ApiError(400, "请给出密码（password）。");
        }
        return p.toCharArray();
    }
}
