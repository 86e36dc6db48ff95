package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.AuditReports;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PATCH /api/reports/{id} on the real server: who may correct, what a bad body or value gets, the
 * corrected report with both values, the audit entry with before and after, and two people at once.
 */
@Tag("integration")
class CorrectionApiTest {
    private static final String ADMIN_PW = "admin-password-1";
    private static final String INSPECTOR_PW = "inspector-password-1";
    private static final String VIEWER_PW = "viewer-password-1";

    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static String id;
    private static String otherId;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        id = app.archive().importFile("shenji-2023.txt", AuditReports.genuine(), ImportMetadata.NONE).id();
        otherId = app.archive().importFile("scan.txt", AuditReports.incomplete(), ImportMetadata.NONE).id();
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), ADMIN_PW.toCharArray());
        app.auth().accounts().add("wang", Role.INSPECTOR, List.of(), INSPECTOR_PW.toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("临江县审计局"), VIEWER_PW.toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    private static ApiClient as(String user, String password) {
        return new ApiClient(server.port()).signedIn(user, password);
    }

    private static HttpResponse<byte[]> patch(ApiClient c, String path, String body) {
        HttpRequest.Builder b = c.request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
        if (c.csrf != null) {
            b.header(Auth.CSRF_HEADER, c.csrf);
        }
        return c.send(b);
    }

    @Test
    void anInspectorCorrectsAndTheReportShowsBothValues() throws Exception {
        ApiClient wang = as("wang", INSPECTOR_PW);
        HttpResponse<byte[]> r = patch(wang, "/api/reports/" + otherId,
                ApiClient.json(Map.of("year", 2022, "unit", "青山县审计局", "aspects", Map.of("problems/1", "style"))));
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        JsonNode report = ApiClient.body(r);
        assertEquals(2022, report.get("year").asInt());
        assertEquals("青山县审计局", report.get("unit").asText());
        assertEquals("style", report.get("sections").get(0).get("blocks").get(0).get("aspect").asText());
        assertEquals(3, report.get("corrections").size());
        for (JsonNode c : report.get("corrections")) {
            assertEquals("wang", c.get("by").asText());
            if (!c.get("field").asText().equals("aspect")) {
                assertTrue(c.get("original").isNull(), c.toString()); // the file named neither
            }
        }
        assertTrue(report.get("warnings").toString().indexOf("no-year") < 0, report.get("warnings").toString());
        // the same from GET, and the list shows the corrected unit
        JsonNode shown = ApiClient.body(wang.get("/api/reports/" + otherId));
        assertEquals(report.get("corrections"), shown.get("corrections"));
        assertTrue(ApiClient.text(wang.get("/api/reports?unit=" + ApiClient.enc("青山县审计局"))).contains(otherId));

        AuditEntry entry = app.auth().audit().query(new AuditQuery("wang", "correct", otherId, null, null, 1, 10))
                .entries().get(0);
        String detail = ApiClient.JSON.writeValueAsString(entry.detail());
        assertTrue(detail.contains("\"field\":\"year\"") && detail.contains("\"after\":\"2022\"")
                && detail.contains("\"before\":null"), detail);
    }

    @Test
    void viewersMayNotCorrectAndBadRequestsChangeNothing() throws Exception {
        ApiClient li = as("li", VIEWER_PW);
        assertEquals(403, patch(li, "/api/reports/" + id, "{\"year\": 2021}").statusCode());
        ApiClient zhang = as("zhang", ADMIN_PW);
        String before = ApiClient.text(zhang.get("/api/reports/" + id));
        long audited = app.auth().audit().query(new AuditQuery(null, "correct", null, null, null, 1, 10)).total();
        for (String bad : List.of("{\"year\": 1850}", "{\"year\": \"二〇二一年的某天\"}", "{\"unit\": \"\\u0001\\u0002\"}",
                "{\"kind\": \"committee\"}", "{\"colour\": \"red\"}", "{\"aspects\": {\"problems/1/1\": \"theory\"}}",
                "{\"aspects\": {\"problems/1\": \"astrology\"}}", "{\"aspects\": {\"problems/9\": \"theory\"}}",
                "{\"year\": 2021.5}", "{\"year\": null}", "{}", "[1]", "not json", "")) {
            HttpResponse<byte[]> r = patch(zhang, "/api/reports/" + id, bad);
            assertEquals(400, r.statusCode(), bad + " " + ApiClient.text(r));
            String error = ApiClient.body(r).get("error").asText();
            assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        }
        assertEquals(before, ApiClient.text(zhang.get("/api/reports/" + id)));
        assertEquals(404, patch(zhang, "/api/reports/0000000000000000", "{\"year\": 2021}").statusCode());
        assertEquals(audited, app.auth().audit().query(new AuditQuery(null, "correct", null, null, null, 1, 10)).total());
    }

    @Test
    void twoPeopleCorrectingAtOnceEndWithOneCorrectionBothAudited() throws Exception {
        ApiClient zhang = as("zhang", ADMIN_PW);
        ApiClient wang = as("wang", INSPECTOR_PW);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
        answers.add(pool.submit(() -> {
            go.await();
            return patch(zhang, "/api/reports/" + id, "{\"author\": \"张建国\"}");
        }));
        answers.add(pool.submit(() -> {
            go.await();
            return patch(wang, "/api/reports/" + id, "{\"author\": \"王立新\"}");
        }));
        go.countDown();
        for (Future<HttpResponse<byte[]>> f : answers) {
            assertEquals(200, f.get().statusCode(), ApiClient.text(f.get()));
        }
        pool.shutdown();
        JsonNode report = ApiClient.body(zhang.get("/api/reports/" + id));
        List<JsonNode> authorCorrections = new ArrayList<>();
        report.get("corrections").forEach(c -> {
            if (c.get("field").asText().equals("author")) {
                authorCorrections.add(c);
            }
        });
        assertEquals(1, authorCorrections.size(), report.get("corrections").toString());
        String winner = authorCorrections.get(0).get("value").asText();
        assertEquals(winner, report.get("author").asText());
        List<AuditEntry> audited = app.auth().audit().query(new AuditQuery(null, "correct", id, null, null, 1, 10)).entries()
                .stream().filter(e -> e.detail().toString().contains("author")).toList();
        assertEquals(2, audited.size());
        // the later one saw the earlier one's value as "before": nothing was lost between them
        String both = ApiClient.JSON.writeValueAsString(audited.stream().map(AuditEntry::detail).toList());
        String loser = winner.equals("张建国") ? "王立新" : "张建国";
        assertTrue(both.contains("\"before\":\"" + loser + "\",\"after\":\"" + winner + "\""), both);
    }
}
