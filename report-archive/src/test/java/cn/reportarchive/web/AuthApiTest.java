package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in over HTTP against the real server once accounts exist: 401 without a session on every
 * /api/ path, login and its limits, session expiry on an injected clock, CSRF, and what each role
 * may do.
 */
@Tag("integration")
class AuthApiTest {
    static final String ADMIN_PW = RoleArchive.ADMIN_PW;
    static final String INSPECTOR_PW = RoleArchive.INSPECTOR_PW;
    static final String VIEWER_PW = RoleArchive.VIEWER_PW;

    @TempDir
    static Path data;
    private static RoleArchive site;
    private static Application app;
    private static WebServer server;
    private static String docxId;
    private static String pdfId;

    @BeforeAll
    static void start() throws Exception {
        site = new RoleArchive(data);
        app = site.app;
        server = site.server;
        docxId = site.docxId;
        pdfId = site.pdfId;
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    /** Another server on the same archive, with its own clock and limits. */
    private static WebServer another(WebOptions options) {
        return site.another(options);
    }

    private static ApiClient client() {
        return new ApiClient(server.port());
    }

    static void assertError(HttpResponse<byte[]> r, int status) {
        assertEquals(status, r.statusCode(), ApiClient.text(r));
        JsonNode body = ApiClient.body(r);
        assertEquals(1, body.size(), body.toString());
        String error = body.get("error").asText();
        assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
    }

    @Test
    void everyApiPathButHealthAndLoginNeedsASession() throws Exception {
        ApiClient anonymous = client();
        ApiClient forged = client();
        forged.cookie = Auth.COOKIE + "=not-a-session";
        forged.csrf = "whatever";
        for (ApiClient c : List.of(anonymous, forged)) {
            List<HttpResponse<byte[]>> answers = List.of(
                    c.get("/api/meta"), c.get("/api/search?q=x"), c.get("/api/search?q="),
                    c.get("/api/reports"), c.get("/api/reports?unit=x"), c.get("/api/reports/" + docxId),
                    c.get("/api/reports/" + docxId + "/original"), c.get("/api/reports/unknown"),
                    c.upload("/api/reports", "a.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of()),
                    c.upload("/api/reports/preview", "a.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of()),
                    c.delete("/api/reports/" + docxId), c.get("/api/session"), c.post("/api/logout", "text/plain", ""),
                    c.get("/api/audit"), c.get("/api/audit/export"), c.get("/api/compare?unit=x&from=2022&to=2023"), c.get("/api/repeats?unit=x"), c.get("/api/copies"), c.get("/api/templates"),
                    c.get("/api/no-such-thing"), c.send(c.request("/api/reports/x").PUT(HttpRequest.BodyPublishers.noBody())));
            for (HttpResponse<byte[]> r : answers) {
                assertError(r, 401);
            }
        }
        HttpResponse<byte[]> health = anonymous.get("/api/health");
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"ok\"}", ApiClient.text(health), "no count without a session");
        assertTrue(app.archive().ids().contains(docxId), "nothing was deleted");
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieAndAnswersWhoAndTheToken() {
        ApiClient c = client();
        HttpResponse<byte[]> r = c.login("wang", INSPECTOR_PW);
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith(Auth.COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        JsonNode body = ApiClient.body(r);
        assertEquals("wang", body.get("username").asText());
        assertEquals("inspector", body.get("role").asText());
        assertTrue(body.get("csrf").asText().length() >= 40);
        assertFalse(ApiClient.text(r).contains(INSPECTOR_PW));

        JsonNode session = ApiClient.body(c.get("/api/session"));
        assertEquals("wang", session.get("username").asText());
        assertFalse(session.get("open").asBoolean());
        assertTrue(session.get("may").get("import").asBoolean());
        assertFalse(session.get("may").get("audit").asBoolean());
        assertEquals(200, c.get("/api/reports").statusCode());

        // a second sign-in gets a new token; logout ends the session
        ApiClient again = client();
        again.signedIn("wang", INSPECTOR_PW);
        assertFalse(again.cookie.equals(c.cookie));
        assertEquals(204, c.post("/api/logout", "text/plain", "").statusCode());
        assertError(c.get("/api/reports"), 401);
        assertEquals(200, again.get("/api/reports").statusCode());
    }

    @Test
    void wrongOrMalformedLoginsAre401AndSetNoCookie() {
        ApiClient c = client();
        List<HttpResponse<byte[]>> answers = List.of(
                c.login("wang", "not-the-password"),
                c.login("nobody-here", INSPECTOR_PW),
                c.login("wang", ""),
                c.post("/api/login", "application/json", "{\"username\":\"wang\",\"password\":"),
                c.post("/api/login", "application/json", "[1,2]"),
                // a cross-site HTML form can only send these types: refused, whatever they hold
                c.post("/api/login", "application/x-www-form-urlencoded", "username=wang&password=" + INSPECTOR_PW),
                c.post("/api/login", "text/plain", "{\"username\":\"wang\",\"password\":\"" + INSPECTOR_PW + "\"}"),
                // a long name within the body limit: cut, refused like any wrong one
                c.login("名".repeat(2000), INSPECTOR_PW));
        for (HttpResponse<byte[]> r : answers) {
            assertError(r, 401);
            assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
            assertFalse(ApiClient.text(r).contains(INSPECTOR_PW));
        }
        // A body over the limit is refused from its declared length, before it is read. Only the head is
        // sent: a client still writing 300 KB when the server answers and closes would see a broken pipe
        // or not, as the machine's load decides.
        RawHttp.Answer huge = assertDoesNotThrow(() -> RawHttp.send(server.port(), "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\nOrigin: http://127.0.0.1:" + server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 300040\r\n\r\n"));
        assertEquals(401, huge.status(), huge.head());
        assertTrue(huge.header("Set-Cookie") == null, huge.head());
        assertEquals("用户名或密码不正确。", ApiClient.body(answers.get(0)).get("error").asText());
        assertEquals(ApiClient.body(answers.get(0)), ApiClient.body(answers.get(1)), "an unknown name is not told apart");
    }

    @Test
    void failedLoginsAreLimitedPerNameAndPerAddress() {
        TestClock clock = new TestClock(Instant.parse("2024-12-10T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        WebServer limited = another(WebOptions.defaults().withClock(clock)
                .withLoginLimits(new LoginLimits(3, 5, Duration.ofMinutes(15))));
        ApiClient c = new ApiClient(limited.port());
        for (int i = 0; i < 3; i++) {
            assertError(c.login("wang", "wrong-" + i), 401);
        }
        HttpResponse<byte[]> blocked = c.login("wang", INSPECTOR_PW);
        assertError(blocked, 429);
        assertTrue(ApiClient.body(blocked).get("error").asText().contains("分钟后再试"));
        long retry = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry > 0 && retry <= 15 * 60, String.valueOf(retry));
        // another name from the same address still gets in (under the address limit)
        assertEquals(200, c.login("zhang", ADMIN_PW).statusCode());

        clock.advance(Duration.ofMinutes(16));
        assertEquals(200, c.login("wang", INSPECTOR_PW).statusCode(), "the window has passed");

        // five failures from one address, each under another name: the address is blocked for every name
        for (int i = 0; i < 5; i++) {
            assertError(c.login("guess" + i, "wrong"), 401);
        }
        assertError(c.login("zhang", ADMIN_PW), 429);
        clock.advance(Duration.ofMinutes(16));
        assertEquals(200, c.login("zhang", ADMIN_PW).statusCode());
    }

    @Test
    void aSessionEndsAfterInactivityAndAfterTwelveHoursInAnyCase() {
        TestClock clock = new TestClock(Instant.parse("2024-12-10T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        WebServer timed = another(WebOptions.defaults().withClock(clock).withSessionTimeout(Duration.ofMinutes(30)));
        ApiClient c = new ApiClient(timed.port()).signedIn("wang", INSPECTOR_PW);
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, c.get("/api/reports").statusCode());
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, c.get("/api/reports").statusCode(), "each request restarts the inactivity clock");
        clock.advance(Duration.ofMinutes(30));
        assertError(c.get("/api/reports"), 401);

        ApiClient busy = new ApiClient(timed.port()).signedIn("wang", INSPECTOR_PW);
        for (int i = 0; i < 35; i++) { // 35 × 20 min = 11 h 40 min
            clock.advance(Duration.ofMinutes(20));
            assertEquals(200, busy.get("/api/session").statusCode(), "at " + (i + 1) * 20 + " min");
        }
        clock.advance(Duration.ofMinutes(20));
        assertError(busy.get("/api/session"), 401);
    }

    @Test
    void aNewPasswordOrARemovedAccountEndsItsSessions() throws Exception {
        app.auth().accounts().add("temp", Role.INSPECTOR, List.of(), "temp-password-1".toCharArray());
        ApiClient c = client().signedIn("temp", "temp-password-1");
        assertEquals(200, c.get("/api/reports").statusCode());
        app.auth().accounts().setPassword("temp", "temp-password-2".toCharArray());
        assertError(c.get("/api/reports"), 401);
        c.signedIn("temp", "temp-password-2");
        assertEquals(200, c.get("/api/reports").statusCode());
        app.auth().accounts().remove("temp");
        assertError(c.get("/api/reports"), 401);
    }

    @Test
    void aChangeWithoutTheSessionsTokenOrFromAnotherSiteIsRefused() throws Exception {
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        String token = admin.csrf;
        admin.csrf = null;
        assertError(admin.delete("/api/reports/" + docxId), 403);
        admin.csrf = "forged-" + token;
        assertError(admin.delete("/api/reports/" + docxId), 403);
        admin.csrf = client().signedIn("zhang", ADMIN_PW).csrf; // another session's token
        assertError(admin.delete("/api/reports/" + docxId), 403);
        admin.csrf = token;
        admin.origin = "http://evil.example";
        assertError(admin.delete("/api/reports/" + docxId), 403);
        admin.csrf = null;
        assertError(admin.upload("/api/reports", "x.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of()), 403);
        assertTrue(app.archive().ids().contains(docxId), "nothing was deleted");
        // reading needs no token
        admin.origin = null;
        assertEquals(200, admin.get("/api/reports/" + docxId).statusCode());
    }

    @Test
    void eachRoleDoesOnlyWhatItMay() throws Exception {
        ApiClient viewer = client().signedIn("li", VIEWER_PW);
        ApiClient inspector = client().signedIn("wang", INSPECTOR_PW);
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        byte[] txt = RoleArchive.sample("qingshan-scjg-2023.txt");

        assertError(viewer.upload("/api/reports", "q.txt", txt, Map.of()), 403);
        assertError(viewer.upload("/api/reports/preview", "q.txt", txt, Map.of()), 403);
        assertError(viewer.delete("/api/reports/" + docxId), 403);
        assertError(viewer.get("/api/audit"), 403);
        assertError(inspector.get("/api/audit"), 403);
        assertError(inspector.get("/api/audit/export"), 403);
        assertError(inspector.delete("/api/reports/" + docxId), 403);
        assertTrue(ApiClient.body(viewer.delete("/api/reports/" + docxId)).get("error").asText().contains("查阅人员"));

        assertEquals(200, inspector.upload("/api/reports/preview", "q.txt", txt, Map.of()).statusCode());
        HttpResponse<byte[]> created = inspector.upload("/api/reports", "q.txt", txt, Map.of());
        assertEquals(201, created.statusCode(), ApiClient.text(created));
        String id = ApiClient.body(created).get("id").asText();
        assertEquals(200, admin.get("/api/audit").statusCode());
        assertEquals(204, admin.delete("/api/reports/" + id).statusCode());
        assertError(admin.get("/api/reports/" + id), 404);
        assertFalse(app.archive().ids().contains(id));
        assertEquals(2, app.archive().count());
    }

    @Test
    void theServerRefusesTheNetworkWhileNoAccountExists(@TempDir Path other) throws Exception {
        try (Application empty = Application.open(other, ExtractionLimits.defaults())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> WebServer.start(empty, "0.0.0.0", 0));
            assertEquals(WebServer.OPEN_ON_NETWORK, e.getMessage());
            try (WebServer local = WebServer.start(empty, "127.0.0.1", 0)) {
                ApiClient c = new ApiClient(local.port());
                JsonNode session = ApiClient.body(c.get("/api/session"));
                assertTrue(session.get("open").asBoolean());
                assertNull(session.get("username").textValue());
                assertEquals(200, c.get("/api/reports").statusCode(), "open on loopback");
                assertError(c.login("anyone", "password-1"), 401);
            }
        }
    }

    @Test
    void thePasswordsAreNowhereInTheArchiveFiles() throws Exception {
        client().login("wang", "typed-by-mistake-9931");
        client().signedIn("wang", INSPECTOR_PW);
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String secret : List.of(INSPECTOR_PW, ADMIN_PW, VIEWER_PW, "typed-by-mistake-9931")) {
                    assertFalse(content.contains(secret), secret + " in " + f);
                }
            }
        }
    }
}
