package cn.reportarchive.web;

import cn.reportarchive.auth.Access;
import cn.reportarchive.auth.Account;
import cn.reportarchive.auth.Accounts;
import cn.reportarchive.auth.Principal;
import cn.reportarchive.auth.Role;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Who is calling, decided before every /api/ handler. While no account exists the archive runs
 * open (only on loopback) and every caller is {@link Principal#OPEN}; once one exists, every path
 * but /api/health and /api/login needs a live session (401 otherwise), and a request that changes
 * something must carry the session's CSRF token in {@value #CSRF_HEADER} (403 otherwise).
 *
 * <p>For routes: {@link #principal(Context)} is the caller, {@link #access(Context)} what it may
 * read ({@code access.mayRead(report.unit())}, or {@code request.withUnits(access.units())} for a
 * search), {@link #require(Context, Predicate, String)} refuses a role with 403.
 */
public final class Auth {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    static final String COOKIE = "ra_session";
    private static final String PRINCIPAL = "reportarchive.principal";
    private static final String SESSION = "reportarchive.session";
    private static final Set<String> OPEN_PATHS = Set.of("/api/health", "/api/login");

    private static final String AUDIT = "reportarchive.audit";

    private final Accounts accounts;
    private final Sessions sessions;
    private final boolean loopback;
    private final Audit audit;
    /** An account's units as the archive shows them (the unit directory), resolved at every request. */
    private final UnaryOperator<String> unitOf;

    Auth(Accounts accounts, Sessions sessions, String boundHost, UnaryOperator<String> unitOf, Audit audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.unitOf = unitOf;
        this.loopback = RequestGuard.isLoopback(boundHost);
        this.audit = audit;
    }

    /** The before-handler of /api/*. */
    void check(Context ctx) throws SQLException {
        ctx.attribute(AUDIT, audit); // for require(): a refusal is recorded
        boolean open = OPEN_PATHS.contains(ctx.path());
        if (!accounts.any()) {
            if (!loopback && !open) {
                throw new ApiError(403, "服务器尚未设置任何账户，不接受来自网络的访问；请先用 user add 创建账户。");
            }
            RequestGuard.checkOpenWrite(ctx.host(), ctx.header("Origin"), ctx.req().getMethod());
            ctx.attribute(PRINCIPAL, Principal.OPEN);
            return;
        }
        Optional<Sessions.Session> session = sessions.touch(ctx.cookie(COOKIE));
        Optional<Account> account = session.isPresent() ? accounts.byId(session.get().accountId()) : Optional.empty();
        if (session.isPresent() && (account.isEmpty() || account.get().generation() != session.get().generation()
                || account.get().disabled())) {
            sessions.close(session.get().token()); // removed, disabled, or password or role changed since sign-in
            session = Optional.empty();
        }
        if (session.isPresent()) {
            ctx.attribute(SESSION, session.get());
            ctx.attribute(PRINCIPAL, Principal.of(account.get(), unitOf));
        }
        if (open) {
            return;
        }
        if (session.isEmpty()) {
            throw new ApiError(401, "请先登录（未登录或登录已超时）。");
        }
        if (RequestGuard.changes(ctx.method().name()) && !sameToken(ctx.header(CSRF_HEADER), session.get().csrf())) {
            throw new ApiError(403, "请求缺少有效的防伪令牌，已拒绝；请刷新页面后重试。");
        }
    }

    private static boolean sameToken(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    /** The caller of an /api/ request (signed in, or the open archive's local user); null on /api/health and /api/login without a session. */
    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** What the caller may read; nothing when the caller is unknown. */
    public static Access access(Context ctx) {
        Principal p = principal(ctx);
        return p == null ? Access.none() : p.access();
    }

    static Optional<Sessions.Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The caller, if its role may do this; else 403 saying what it may not do (e.g. "导入材料"). */
    public static Principal require(Context ctx, Predicate<Role> may, String what) {
        Principal p = principal(ctx);
        if (p == null) {
            throw new ApiError(401, "请先登录（未登录或登录已超时）。");
        }
        if (!may.test(p.role())) {
            Audit audit = ctx.attribute(AUDIT);
            if (audit != null) { // an attempt beyond the role: the auditor wants to see who tried what
                audit.record(ctx, cn.reportarchive.auth.AuditAction.REFUSED, ctx.path(),
                        java.util.Map.of("what", what, "method", ctx.method().name()));
            }
            throw new ApiError(403, "当前账户（" + p.role().label() + "）无权" + what + "。");
        }
        return p;
    }
}
