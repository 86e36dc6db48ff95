package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.auth.AuditAction;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.parse.Report;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare, repeats, copies and templates endpoints over HTTP, and their errors. */
@Tag("integration")
class CompareApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir
    static Path data;
    static Application app;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(Path.of("sample-docs"))), ImportMetadata.NONE, o -> { });
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void compareAnswersTheCompareResult() throws Exception {
        HttpResponse<String> r = get("/api/compare?unit=" + q("临江县财政局") + "&from=2022&to=2023");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = JSON.readTree(r.body());
        assertEquals(6, c.get("repeats").size(), "the answer key plants six repeats from 2022 to 2023");
        assertTrue(c.get("measures").size() > 0);
        r = get("/api/compare?unit=" + q("青山区市场监督管理局") + "&author=" + q("周立新") + "&from=2023&to=2024");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("周立新", JSON.readTree(r.body()).get("author").asText());
    }

    @Test
    void badCompareRequestsAre4xxWithAChineseSentence() throws Exception {
        Map<String, Integer> cases = Map.of(
                "/api/compare?unit=" + q("临江县财政局") + "&from=2022", 400,
                "/api/compare?unit=" + q("临江县财政局") + "&from=abc&to=2023", 400,
                "/api/compare?from=2022&to=2023", 400,
                "/api/compare?unit=" + q("没有这个单位") + "&from=2022&to=2023", 404,
                "/api/repeats?unit=" + q("没有这个单位"), 404,
                "/api/copies/nonexistent", 404,
                "/api/copies?limit=0", 400,
                "/api/repeats/common?year=x", 400);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey());
            assertEquals(c.getValue(), r.statusCode(), c.getKey() + " " + r.body());
            String error = JSON.readTree(r.body()).get("error").asText();
            assertTrue(error.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), error);
        }
    }

    @Test
    void aCopyCheckCarriesItsReportsHeadingAndOpensNoReport() throws Exception {
        AuditQuery views = new AuditQuery(null, AuditAction.VIEW.key(), null, null, null, 1, AuditQuery.MAX_SIZE);
        long viewsBefore = app.auth().audit().query(views).total();
        int personal = 0;
        for (StoredReport stored : app.archive().list(null, null)) {
            Report r = stored.report();
            HttpResponse<String> answer = get("/api/copies/" + r.id());
            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode c = JSON.readTree(answer.body());
            assertEquals(r.title(), c.get("title").asText(), r.id());
            assertEquals(r.unit(), c.get("unit").asText(), r.id());
            assertEquals(r.year().intValue(), c.get("year").asInt(), r.id());
            assertEquals(r.author(), c.get("author").isNull() ? null : c.get("author").asText(), r.id());
            personal += r.author() == null ? 0 : 1;
        }
        assertTrue(personal > 0, "the samples hold personal reports, whose author the answer names");
        assertEquals(viewsBefore, app.auth().audit().query(views).total(), "查重 records no report view");
    }

    @Test
    void repeatsCopiesAndTemplatesAnswer() throws Exception {
        JsonNode chains = JSON.readTree(get("/api/repeats?unit=" + q("临江县财政局")).body());
        assertEquals(3, chains.get("chains").get(0).get("times").asInt());
        assertTrue(chains.get("trend").size() == 3);
        JsonNode common = JSON.readTree(get("/api/repeats/common?limit=5").body());
        assertTrue(common.get("groups").size() > 0);
        common.get("groups").forEach(g -> assertTrue(g.get("units").asInt() >= 2));
        JsonNode pairs = JSON.readTree(get("/api/copies").body()).get("pairs");
        String copy = pairs.get(0).get("copy").get("reportId").asText();
        JsonNode check = JSON.readTree(get("/api/copies/" + copy).body());
        assertEquals(pairs.get(0).get("source").get("reportId").asText(), check.get("sources").get(0).get("reportId").asText());

        String boundary = "----b";
        byte[] text = Files.readAllBytes(Path.of("tools/samples/yunxi-dw-2022.txt"));
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n范文一\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.txt\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + text.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(text, 0, body, head.length, text.length);
        System.arraycopy(tail, 0, body, head.length + text.length, tail.length);
        HttpResponse<String> added = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/templates"))
                .header("Origin", "http://127.0.0.1:" + server.port()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, added.statusCode(), added.body());
        String id = JSON.readTree(added.body()).get("id").asText();
        assertTrue(get("/api/templates").body().contains("范文一"));
        JsonNode templatePairs = JSON.readTree(get("/api/copies?limit=100").body()).get("pairs");
        boolean flagged = false;
        for (JsonNode p : templatePairs) {
            flagged |= p.get("template").asBoolean() && p.get("source").get("title").asText().equals("范文一");
        }
        assertTrue(flagged, "the report the template was made of is listed as copied from it");
        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/templates/" + id))
                .header("Origin", "http://127.0.0.1:" + server.port()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode());
        assertTrue(!get("/api/templates").body().contains("范文一"));
    }
}
