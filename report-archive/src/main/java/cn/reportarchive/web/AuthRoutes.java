package cn.reportarchive.web;

import cn.reportarchive.json.JsonMappers;
import cn.reportarchive.auth.Account;
import cn.reportarchive.auth.Accounts;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.Principal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.Optional;

/**
 * Sign-in and sign-out: POST /api/login (JSON {"username","password"}), POST /api/logout, and
 * GET /api/session (who the pages are talking to, with the CSRF token they must send back).
 *
 * <p>CSRF: the session cookie is SameSite=Strict, so no other site's page can send it; every
 * state-changing API call must also carry the session's token in a header (another origin cannot
 * set one without a CORS preflight this server never grants), which covers same-site neighbours
 * too (another port or subdomain of the same host); and RequestGuard refuses cross-origin writes
 * by their Origin header. Login itself takes only a JSON body, which no cross-site form can send.
 */
final class AuthRoutes {
    /** Jackson without the body in its error messages: a malformed login must not put a password in a log. */
    private static final ObjectMapper BODY = JsonMappers.create();

    private static final long MAX_BODY = 8192;
    private static final int MAX_NAME = 64;

    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final Audit audit;
    private final UnaryOperator<String> unitOf;

    AuthRoutes(Accounts accounts, Sessions sessions, LoginLimiter limiter, Audit audit, UnaryOperator<String> unitOf) {
        this.unitOf = unitOf;
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/login", this::login);
        routes.post("/api/logout", this::logout);
        routes.get("/api/session", this::session);
    }

    private void login(Context ctx) throws Exception {
        if (!accounts.any()) {
            throw new ApiError(401, "尚未设置任何账户，无需登录（服务仅对本机开放）。");
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(401, "请以 JSON 提交用户名和密码：{\"username\":…,\"password\":…}。");
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY) {
            throw new ApiError(401, "登录请求过大。");
        }
        JsonNode body;
        try {
            body = BODY.readTree(ctx.bodyAsBytes());
        } catch (Exception e) {
            throw new ApiError(401, "登录请求不是有效的 JSON。");
        }
        String name = text(body, "username");
        String password = text(body, "password");
        if (name == null || name.isBlank() || password == null || password.isEmpty()) {
            throw new ApiError(401, "请输入用户名和密码。");
        }
        // no account has a longer name: cut, so that a huge one costs the limiter and the log nothing
        name = name.strip().length() > MAX_NAME ? name.strip().substring(0, MAX_NAME) + "…" : name.strip();
        // counted before the password is hashed, in one step with the check: parallel guesses cannot pass together
        LoginLimiter.Attempt attempt = limiter.begin(name, ctx.ip());
        if (attempt.refused()) {
            Duration blocked = attempt.refusedFor();
            audit.recordAs(ctx, name, AuditAction.LOGIN_FAILED, null, Map.of("reason", "rate-limited"));
            long minutes = Math.max(1, (blocked.toSeconds() + 59) / 60);
            ctx.header("Retry-After", String.valueOf(Math.max(1, blocked.toSeconds())));
            throw new ApiError(429, "登录失败次数过多，请在 " + minutes + " 分钟后再试，或请管理员解除锁定。");
        }
        Optional<Account> account = accounts.authenticate(name, password.toCharArray());
        if (account.isEmpty()) {
            audit.recordAs(ctx, name, AuditAction.LOGIN_FAILED, null, Map.of("reason", "wrong-password"));
            throw new ApiError(401, "用户名或密码不正确。");
        }
        limiter.succeeded(attempt);
        if (account.get().disabled()) {
            audit.recordAs(ctx, name, AuditAction.LOGIN_FAILED, null, Map.of("reason", "disabled"));
            throw new ApiError(403, "该账户已停用，请联系管理员。");
        }
        if (accounts.expired(account.get())) {
            audit.recordAs(ctx, name, AuditAction.LOGIN_FAILED, null, Map.of("reason", "password-expired"));
            throw new ApiError(403, "密码已过期，请联系管理员重置密码。");
        }
        sessions.close(ctx.cookie(Auth.COOKIE)); // a new token at every sign-in: no session fixation
        Sessions.Session session = sessions.open(account.get());
        ctx.cookie(cookie(ctx, session.token(), -1));
        audit.recordAs(ctx, account.get().name(), AuditAction.LOGIN, null, Map.of());
        ctx.json(describe(Principal.of(account.get(), unitOf), session));
    }

    private void logout(Context ctx) {
        Auth.session(ctx).ifPresent(s -> {
            audit.record(ctx, AuditAction.LOGOUT, null, Map.of());
            sessions.close(s.token());
        });
        ctx.cookie(cookie(ctx, "", 0));
        ctx.status(204);
    }

    private void session(Context ctx) throws SQLException {
        ctx.json(describe(Auth.principal(ctx), Auth.session(ctx).orElse(null)));
    }

    private Map<String, Object> describe(Principal p, Sessions.Session session) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", p.open());
        out.put("username", p.name());
        out.put("role", p.role().key());
        out.put("roleLabel", p.role().label());
        out.put("units", p.access().all() ? null : listedUnits(p));
        out.put("csrf", session == null ? null : session.csrf());
        out.put("timeoutMinutes", sessions.idle().toMinutes());
        Map<String, Boolean> may = new LinkedHashMap<>();
        may.put("import", p.role().mayImport());
        may.put("delete", p.role().mayDelete());
        may.put("audit", p.role().mayReadAudit());
        may.put("users", p.role().mayManageUsers() && !p.open()); // no accounts yet: the first is made with user add
        may.put("copies", !p.role().limitedToUnits()); // copy detection compares across units
        out.put("may", may);
        return out;
    }

    /** The units as the account lists them (Access holds them as the archive shows them). */
    private Object listedUnits(Principal p) throws SQLException {
        return accounts.find(p.name()).map(Account::units).orElse(null);
    }

    /** HttpOnly, SameSite=Strict, for the whole site; Secure when the request came over HTTPS (also behind a proxy). */
    private static Cookie cookie(Context ctx, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(Auth.COOKIE, value, "/", maxAge, https, true, null, SameSite.STRICT);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
