package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts in the browser's API (issue 13, item 7): admins only, the command line's rules, every change audited. */
@Tag("integration")
class UserApiTest {
    @TempDir
    static Path data;
    static Application app;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        app.auth().accounts().add("wang", Role.INSPECTOR, List.of(), "inspector-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0, WebOptions.defaults()
                .withLoginLimits(new LoginLimits(3, 20, Duration.ofMinutes(15))));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    static ApiClient admin() {
        return new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
    }

    static HttpResponse<byte[]> patch(ApiClient c, String name, Object body) {
        return c.send(c.request("/api/users/" + ApiClient.enc(name)).header("Content-Type", "application/json")
                .header(Auth.CSRF_HEADER, c.csrf).method("PATCH", HttpRequest.BodyPublishers.ofString(ApiClient.json(body))));
    }

    static HttpResponse<byte[]> add(ApiClient c, Map<String, Object> body) {
        return c.post("/api/users", "application/json", ApiClient.json(body));
    }

    static List<String> actions() throws Exception {
        return app.auth().audit().query(new AuditQuery(null, null, null, null, null, 1, 1000)).entries().stream()
                .map(e -> e.action()).toList();
    }

    @Test
    void onlyAnAdminManagesAccounts() {
        ApiClient inspector = new ApiClient(server.port()).signedIn("wang", "inspector-password-1");
        assertEquals(403, inspector.get("/api/users").statusCode());
        assertEquals(403, add(inspector, Map.of("username", "x1", "password", "password-9", "role", "admin")).statusCode());
        assertEquals(403, patch(inspector, "zhang", Map.of("disabled", true)).statusCode());
        assertEquals(403, inspector.delete("/api/users/zhang").statusCode());
        assertEquals(401, new ApiClient(server.port()).get("/api/users").statusCode());
    }

    @Test
    void createChangeDisableResetAndRemoveAnAccountEachAudited() throws Exception {
        ApiClient admin = admin();
        HttpResponse<byte[]> created = add(admin, Map.of("username", "li", "password", "viewer-password-1", "role", "viewer",
                "units", List.of("临江县财政局")));
        assertEquals(201, created.statusCode(), ApiClient.text(created));
        assertEquals("viewer", ApiClient.body(created).get("role").asText());
        assertFalse(ApiClient.text(created).contains("viewer-password-1"));
        ApiClient li = new ApiClient(server.port()).signedIn("li", "viewer-password-1");

        assertEquals(409, add(admin, Map.of("username", "li", "password", "viewer-password-1", "role", "viewer",
                "units", List.of("x"))).statusCode(), "taken");
        // the command line's rules: length, classes, viewer units, names
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("username", "a1", "password", "short1", "role", "inspector"),
                Map.<String, Object>of("username", "a2", "password", "onlyletters", "role", "inspector"),
                Map.<String, Object>of("username", "a3", "password", "password-1", "role", "viewer"),
                Map.<String, Object>of("username", "a\u200b4", "password", "password-1", "role", "inspector"),
                Map.<String, Object>of("username", "a5", "password", "password-1", "role", "root"))) {
            HttpResponse<byte[]> r = add(admin, bad);
            assertEquals(400, r.statusCode(), bad + " " + ApiClient.text(r));
        }

        HttpResponse<byte[]> changed = patch(admin, "li", Map.of("role", "inspector", "units", List.of()));
        assertEquals(200, changed.statusCode(), ApiClient.text(changed));
        assertEquals(401, li.get("/api/reports").statusCode(), "a role change ends the sessions");
        li.signedIn("li", "viewer-password-1");
        assertEquals(200, patch(admin, "li", Map.of("password", "new-password-2")).statusCode());
        assertEquals(401, li.get("/api/reports").statusCode());
        assertEquals(400, patch(admin, "li", Map.of("password", "weak")).statusCode());
        assertEquals(200, patch(admin, "li", Map.of("disabled", true)).statusCode());
        assertEquals(403, new ApiClient(server.port()).login("li", "new-password-2").statusCode(), "disabled");
        assertEquals(200, patch(admin, "li", Map.of("disabled", false)).statusCode());
        new ApiClient(server.port()).signedIn("li", "new-password-2");
        assertEquals(204, admin.delete("/api/users/li").statusCode());
        assertEquals(404, admin.delete("/api/users/li").statusCode());
        assertTrue(actions().containsAll(List.of("user-add", "user-change", "user-passwd", "user-disable", "user-enable",
                "user-remove")), actions().toString());
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("new-password-2") || content.contains("viewer-password-1"), f.toString());
            }
        }
    }

    @Test
    void theLastAdminStaysAndALockedAccountIsUnlockedByAnAdmin() throws Exception {
        ApiClient admin = admin();
        assertEquals(409, patch(admin, "zhang", Map.of("disabled", true)).statusCode());
        assertEquals(409, patch(admin, "zhang", Map.of("role", "inspector")).statusCode());
        assertEquals(409, admin.delete("/api/users/zhang").statusCode());

        ApiClient c = new ApiClient(server.port());
        for (int i = 0; i < 3; i++) {
            c.login("wang", "wrong-" + i);
        }
        assertEquals(429, c.login("wang", "inspector-password-1").statusCode());
        JsonNode wang = null;
        for (JsonNode u : ApiClient.body(admin.get("/api/users"))) {
            if (u.get("name").asText().equals("wang")) {
                wang = u;
            }
        }
        assertTrue(wang.get("locked").asBoolean(), wang.toString());
        assertEquals(200, patch(admin, "wang", Map.of("unlock", true)).statusCode());
        assertEquals(200, c.login("wang", "inspector-password-1").statusCode());
        assertTrue(actions().contains("user-unlock"));
    }

    @Test
    void thePasswordRulesAreSetByTheAdminAndHoldOnTheCommandLineToo() throws Exception {
        ApiClient admin = admin();
        HttpResponse<byte[]> r = admin.send(admin.request("/api/users/policy").header("Content-Type", "application/json")
                .header(Auth.CSRF_HEADER, admin.csrf).PUT(HttpRequest.BodyPublishers.ofString(
                        ApiClient.json(Map.of("minLength", 12, "minClasses", 3, "maxAgeDays", 90)))));
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        try {
            assertEquals(400, add(admin, Map.of("username", "sun", "password", "password-12", "role", "inspector")).statusCode());
            assertEquals(201, add(admin, Map.of("username", "sun", "password", "Password-1234", "role", "inspector")).statusCode());
            var e = org.junit.jupiter.api.Assertions.assertThrows(cn.reportarchive.auth.AccountException.class,
                    () -> app.auth().accounts().setPassword("sun", "short-1".toCharArray()));
            assertTrue(e.getMessage().contains("12"), e.getMessage());
            assertEquals(400, admin.send(admin.request("/api/users/policy").header("Content-Type", "application/json")
                    .header(Auth.CSRF_HEADER, admin.csrf).PUT(HttpRequest.BodyPublishers.ofString(
                            ApiClient.json(Map.of("minLength", 4))))).statusCode(), "never below the defaults");
            assertTrue(actions().contains("password-policy"));
        } finally {
            app.auth().accounts().setPolicy(cn.reportarchive.auth.PasswordPolicy.DEFAULT);
        }
    }
}
