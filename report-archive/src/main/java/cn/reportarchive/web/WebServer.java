package cn.reportarchive.web;

import cn.reportarchive.json.JsonMappers;
import cn.reportarchive.Application;
import cn.reportarchive.export.CompareDocx;
import cn.reportarchive.export.ExportRows;
import cn.reportarchive.search.QuerySyntaxException;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web server: the JSON API under /api and the pages (static files in the jar) at /. Every
 * error is JSON {"error"} with a 4xx status; an unexpected failure is logged and answered with a
 * 500 that says nothing of the internals.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** Set when a handler has already answered with its own error, which a status handler must keep. */
    private static final String ANSWERED = "reportarchive.answered";

    /**
     * Everything from this server only; inline style attributes allowed (the tables' column widths),
     * inline scripts not; no frame may hold a page.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    /** The slowest request body taken: 1 KiB/s (a 50 MB upload may take 14 hours). */
    static final long MIN_BODY_BYTES_PER_SECOND = 1024;

    private final Javalin javalin;

    private WebServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Loads the web stack's classes (Javalin, Jetty, Jackson) without listening: {@code serve} runs it
     * on a second thread while the archive opens. Nothing is mounted or kept (a resource left open
     * would be reported as leaked). Whatever goes wrong here is met again, and reported, by {@link #start}.
     */
    public static void warmUp() {
        try {
            Javalin.create(config -> config.jsonMapper(new JavalinJackson(JsonMappers.create(), false)));
        } catch (RuntimeException e) {
            // start() builds the real server and says what is wrong
        }
    }

    public static WebServer start(Application app, String host, int port) {
        return start(app, host, port, WebOptions.defaults());
    }

    /**
     * Starts the server. Refuses a host other than loopback while the archive has no account: an
     * archive without accounts is open to whoever can reach it.
     */
    public static WebServer start(Application app, String host, int port, WebOptions options) {
        if (!RequestGuard.isLoopback(host) && !hasAccounts(app)) {
            throw new IllegalStateException(OPEN_ON_NETWORK);
        }
        long maxUpload = app.archive().maxBytes();
        Audit audit = new Audit(app.auth().audit(), options.clock());
        Sessions sessions = new Sessions(options.sessionTimeout(), options.clock());
        Auth auth = new Auth(app.auth().accounts(), sessions, host, app.archive()::unitOf, audit);
        ApiRoutes api = new ApiRoutes(app.archive(), app.search(), app.suggestions(), app.taxonomy(), audit);
        LoginLimiter limiter = new LoginLimiter(options.loginLimits(), options.clock());
        AuthRoutes login = new AuthRoutes(app.auth().accounts(), sessions, limiter, audit, app.archive()::unitOf);
        UserRoutes users = new UserRoutes(app.auth().accounts(), limiter, audit);
        AuditRoutes auditRoutes = new AuditRoutes(app.auth().audit(), audit, options.clock());
        CompareRoutes compare = new CompareRoutes(app.copies(), maxUpload, audit);
        UnitRoutes units = new UnitRoutes(app.archive(), audit);
        ViewRoutes views = new ViewRoutes(app.compare(), app.copies(), new ExportRows(app.taxonomy()),
                new CompareDocx(app.taxonomy()), audit, options.clock());
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.jsonMapper(new JavalinJackson(JsonMappers.create(), false));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            // a body sent a byte at a time held a server thread each (slowloris): below this rate Jetty
            // answers 408 and lets go; any real client, even a slow line, sends far faster
            config.jetty.modifyHttpConfiguration(http -> http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND));
            // a little over the file limit, so that the form fields fit and the handler can say why
            config.http.maxRequestSize = maxUpload + 1024 * 1024;
            config.jetty.multipartConfig.maxFileSize(maxUpload + 1024 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUpload + 2 * 1024 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(4, SizeUnit.MB);
            config.staticFiles.add("/web", Location.CLASSPATH);
            config.staticFiles.enableWebjars();   // /webjars/echarts/5.3.1/dist/echarts.min.js for the trend chart
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
                // no framing (the pages' delete button cannot be clickjacked), scripts only from the jar
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.header("X-Frame-Options", "DENY");
                if (ctx.path().startsWith("/api/")) {
                    ctx.header("Cache-Control", "no-store"); // reports and originals stay out of caches
                }
                RequestGuard.check(ctx.host(), ctx.header("Origin"), ctx.req().getMethod(), host);
                RequestGuard.checkMethod(ctx.req().getMethod(), ctx.path(), ctx::header);
            });
            config.routes.before("/api/*", auth::check);
            new ListRoutes(app.archive(), audit).register(config.routes); // before api: /api/reports/page is not a report id
            api.register(config.routes);
            login.register(config.routes);
            users.register(config.routes);
            auditRoutes.register(config.routes);
            units.register(config.routes);
            views.register(config.routes);
            compare.register(config.routes);
            new SimilarRoutes(app.similar(), audit).register(config.routes);
            new CorrectionRoutes(app.archive(), audit).register(config.routes);
            new DraftRoutes(app.drafts(), app.compare(), app.archive(), audit).register(config.routes); // 核对草稿
            new FollowUpRoutes(app.archive(), app.compare(), audit).register(config.routes); // the report page's follow-up
            config.routes.exception(ApiError.class, (e, ctx) -> {
                ctx.attribute(ANSWERED, true);
                ctx.status(e.status()).json(Map.of("error", e.getMessage()));
            });
            config.routes.exception(QuerySyntaxException.class, (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                    .json(Map.of("error", httpMessage(e.getStatus()))));
            config.routes.exception(Exception.class, (e, ctx) -> {
                int malformed = malformedRequestStatus(e);
                if (malformed > 0) {
                    ctx.status(malformed).json(Map.of("error", "请求格式不正确（如上传表单损坏或含非法字符），无法处理。"));
                    return;
                }
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(Map.of("error", "服务器内部错误，请稍后重试；若反复出现请联系管理员。"));
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && ctx.attribute(ANSWERED) == null) {
                    ctx.json(Map.of("error", "没有这个接口：" + ctx.method() + " " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> ctx.json(Map.of("error", "该接口不支持 " + ctx.method() + " 方法。")));
            config.routes.error(413, ctx -> ctx.json(Map.of("error", app.archive().tooLargeMessage())));
        });
        javalin.start();
        return new WebServer(javalin);
    }

    /** Said when the server would listen on the network while the archive has no account. */
    public static final String OPEN_ON_NETWORK = "档案库还没有任何账户，只能在本机地址（127.0.0.1）上提供服务；"
            + "请先用 user add 名称 --role admin 创建管理员账户，或去掉 --host。";

    private static boolean hasAccounts(Application app) {
        try {
            return app.auth().accounts().any();
        } catch (java.sql.SQLException e) {
            return false; // unreadable accounts: treated as none, so the server stays on loopback
        }
    }

    /** Jetty's own verdict on a malformed request (a broken multipart body), found under the wrappers. */
    private static int malformedRequestStatus(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode();
            }
        }
        return 0;
    }

    private static String httpMessage(int status) {
        return switch (status) {
            case 404 -> "找不到请求的内容。";
            case 413 -> "上传的内容超过大小上限。";
            case 405 -> "不支持该请求方法。";
            default -> "请求无法处理（HTTP " + status + "）。";
        };
    }

    public int port() {
        return javalin.port();
    }

    /** Stops taking requests and waits for those under way (an import finishes or never starts). */
    @Override
    public void close() {
        javalin.stop();
    }
}
