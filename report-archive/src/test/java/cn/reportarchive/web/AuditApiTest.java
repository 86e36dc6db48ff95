package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every action a security review asks about leaves an entry, with user, time and address; admins
 * read and export the log through the API; nobody can change it.
 */
@Tag("integration")
class AuditApiTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static final TestClock clock = new TestClock(Instant.parse("2024-12-10T01:00:00Z"), ZONE);
    private static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        app.auth().accounts().add("wang", Role.INSPECTOR, List.of(), "inspector-password-1".toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("临江县财政局"), "viewer-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0, WebOptions.defaults().withClock(clock));
        admin = new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    /** The entries that match these API filters, newest first. */
    private static List<JsonNode> entries(String filters) {
        return entries(admin, filters);
    }

    private static List<JsonNode> entries(ApiClient as, String filters) {
        HttpResponse<byte[]> r = as.get("/api/audit?size=1000&" + filters);
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        List<JsonNode> out = new ArrayList<>();
        ApiClient.body(r).get("entries").forEach(out::add);
        return out;
    }

    private static JsonNode latest(String user, String action) {
        List<JsonNode> found = entries("user=" + ApiClient.enc(user) + "&action=" + action);
        assertFalse(found.isEmpty(), user + " " + action);
        return found.get(0);
    }

    @Test
    void everyActionIsRecordedWithUserTimeAndAddress() throws Exception {
        ApiClient inspector = new ApiClient(server.port());
        assertEquals(401, inspector.login("wang", "wrong-password").statusCode());
        inspector.signedIn("wang", "inspector-password-1");

        byte[] docx = Files.readAllBytes(Path.of("sample-docs", "linjiang-czj-2022.docx"));
        HttpResponse<byte[]> created = inspector.upload("/api/reports", "linjiang-czj-2022.docx", docx, Map.of("year", "2022"));
        assertEquals(201, created.statusCode(), ApiClient.text(created));
        String id = ApiClient.body(created).get("id").asText();
        assertEquals(200, inspector.upload("/api/reports", "again.docx", docx, Map.of()).statusCode());
        assertEquals(200, inspector.get("/api/search?q=" + ApiClient.enc("八项规定") + "&year=2022&section=problems").statusCode());
        assertEquals(200, inspector.get("/api/reports/" + id).statusCode());
        assertEquals(200, inspector.get("/api/reports/" + id + "/original").statusCode());

        ApiClient viewer = new ApiClient(server.port()).signedIn("li", "viewer-password-1");
        assertEquals(404, viewer.get("/api/reports/0123456789abcdef").statusCode());
        assertEquals(204, admin.delete("/api/reports/" + id).statusCode());
        assertEquals(204, inspector.post("/api/logout", "text/plain", "").statusCode());

        JsonNode failed = latest("wang", "login-failed");
        assertEquals("wrong-password", failed.get("detail").get("reason").asText());
        assertEquals("127.0.0.1", failed.get("address").asText());
        assertEquals("2024-12-10T09:00+08:00", failed.get("at").asText());
        assertEquals("登录失败", failed.get("actionLabel").asText());
        latest("wang", "login");

        List<JsonNode> all = entries("user=wang&action=import");
        // each import is recorded before it is made (status started), then with its outcome
        assertEquals(2, all.stream().filter(e -> e.get("detail").get("status").asText().equals("started")).count());
        List<JsonNode> imports = all.stream().filter(e -> !e.get("detail").get("status").asText().equals("started")).toList();
        assertEquals(2, imports.size());
        assertEquals("duplicate", imports.get(0).get("detail").get("status").asText());
        assertEquals("again.docx", imports.get(0).get("detail").get("file").asText());
        assertEquals("imported", imports.get(1).get("detail").get("status").asText());
        assertEquals(id, imports.get(1).get("target").asText());

        JsonNode search = latest("wang", "search").get("detail");
        assertEquals("八项规定", search.get("q").asText());
        assertEquals("2022", search.get("year").asText());
        assertEquals("problems", search.get("section").asText());
        assertTrue(search.has("total"));

        JsonNode view = latest("wang", "view");
        assertEquals(id, view.get("target").asText());
        assertEquals("临江县财政局", view.get("detail").get("unit").asText());
        JsonNode download = latest("wang", "download");
        assertEquals("linjiang-czj-2022.docx", download.get("detail").get("filename").asText());
        assertEquals("missing", latest("li", "view").get("detail").get("result").asText());
        JsonNode deleted = latest("zhang", "delete");
        assertEquals(id, deleted.get("target").asText());
        assertTrue(deleted.get("detail").get("title").asText().contains("对照检查材料"));
        latest("wang", "logout");

        // everything about this report, by target
        List<String> aboutIt = entries("target=" + id).stream().map(e -> e.get("action").asText()).toList();
        assertTrue(aboutIt.containsAll(List.of("import", "view", "download", "delete")), aboutIt.toString());
    }

    @Test
    void theLogIsFilteredByDaysInTheServersZone() {
        ApiClient viewer = new ApiClient(server.port()).signedIn("li", "viewer-password-1");
        clock.advance(Duration.ofDays(2)); // 2024-12-12: sessions of two days ago have ended
        try {
            viewer.signedIn("li", "viewer-password-1");
            viewer.get("/api/search?q=" + ApiClient.enc("整改"));
            ApiClient later = new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
            List<JsonNode> onTheTwelfth = entries(later, "user=li&from=2024-12-12&to=2024-12-12");
            assertEquals(List.of("search", "login"), onTheTwelfth.stream().map(e -> e.get("action").asText()).toList());
            assertTrue(entries(later, "user=li&to=2024-12-11").stream()
                    .noneMatch(e -> e.get("action").asText().equals("search")));
            assertTrue(entries(later, "user=li&from=2024-12-13").isEmpty());
        } finally {
            clock.advance(Duration.ofDays(-2));
            admin.signedIn("zhang", "admin-password-1"); // its session ended in the two days
            viewer.signedIn("li", "viewer-password-1");
        }

        AuthApiTest.assertError(admin.get("/api/audit?from=12/12/2024"), 400);
        AuthApiTest.assertError(admin.get("/api/audit?from=2024-12-12&to=2024-12-01"), 400);
        AuthApiTest.assertError(admin.get("/api/audit?action=hack"), 400);
        AuthApiTest.assertError(viewer.get("/api/audit"), 403);
    }

    @Test
    void csvExportIsAnExportToo() throws Exception {
        new ApiClient(server.port()).login("=cmd|' /C calc'!A0", "whatever-password");
        HttpResponse<byte[]> r = admin.get("/api/audit/export?action=login-failed");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().contains("audit-20241210-"));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        List<CSVRecord> rows = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(row -> row.get("操作代码").equals("login-failed")));
        assertTrue(rows.stream().anyMatch(row -> row.get("用户").equals("'=cmd|' /C calc'!A0")), "no formula");
        JsonNode export = latest("zhang", "export");
        assertEquals("audit", export.get("detail").get("what").asText());
        assertEquals("login-failed", export.get("detail").get("action").asText());
    }

    @Test
    void nothingCanChangeTheLogNotEvenSqlOnTheCatalog() throws Exception {
        long before = ApiClient.body(admin.get("/api/audit")).get("total").asLong();
        assertTrue(before > 0);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("catalog.db"));
             Statement s = db.createStatement()) {
            for (String sql : List.of("DELETE FROM audit", "UPDATE audit SET username = 'x'",
                    "DELETE FROM audit WHERE action = 'login'", "UPDATE audit SET detail = '{}' WHERE id = 1")) {
                try {
                    s.executeUpdate(sql);
                    throw new AssertionError(sql + " was allowed");
                } catch (SQLException e) {
                    assertTrue(e.getMessage().contains("审计日志只能追加"), e.getMessage());
                }
            }
        }
        assertTrue(ApiClient.body(admin.get("/api/audit")).get("total").asLong() >= before);
        // and the API has no way to change it
        int status = admin.delete("/api/audit").statusCode();
        assertTrue(status == 404 || status == 405, String.valueOf(status));
    }
}
