package cn.reportarchive.web;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.extract.ExtractionLimits;
import cn.reportarchive.search.QueryLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over HTTP as people type and paste: the keyboard's forms, a paste longer than a URL by POST,
 * and every kind of bad input answered 400 with one Chinese sentence, never a 5xx or a stack trace.
 */
@Tag("integration")
class SearchInputApiTest {
    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        for (String name : List.of("linjiang-czj-2022.docx", "linjiang-czj-2023.pdf", "qingshan-scjg-zhoulixin-2023.wps",
                "qingshan-scjg-2022.doc")) {
            ImportOutcome o = app.archive().importFile(name, Files.readAllBytes(Path.of("sample-docs", name)), ImportMetadata.NONE);
            assertEquals(ImportOutcome.Status.IMPORTED, o.status(), o.toString());
        }
        server = WebServer.start(app, "127.0.0.1", 0);
        client = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    private static JsonNode ok(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        return ApiClient.body(r);
    }

    private static String refused(HttpResponse<byte[]> r) {
        assertEquals(400, r.statusCode(), ApiClient.text(r));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").contains("json"));
        String error = ApiClient.body(r).get("error").asText();
        assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        assertFalse(error.contains("Exception") || error.contains("at cn."), error);
        return error;
    }

    private static HttpResponse<byte[]> post(Map<String, Object> params) {
        return client.post("/api/search", "application/json", ApiClient.json(params));
    }

    @Test
    void theKeyboardsFormsFindWhatTheAsciiOnesFind() {
        JsonNode ascii = ok(client.get("/api/search?q=" + ApiClient.enc("year:2023 八项规定")));
        JsonNode typed = ok(client.get("/api/search?q=" + ApiClient.enc("year：2023\u3000八项\u200B规定")));
        assertTrue(ascii.get("total").asLong() > 0);
        assertEquals(ascii.get("total"), typed.get("total"));
        assertEquals(ascii.get("hits"), typed.get("hits"));
        assertEquals("2023", typed.get("queryFilters").get("year").get(0).asText());
    }

    @Test
    void aPasteLongerThanAUrlIsTakenByPostWithTheSameParameters() {
        String point = "理论学习不够深入系统，满足于读原文、记笔记，学用脱节，运用党的创新理论指导财政工作的能力不足。";
        String paste = point.repeat(1500 / point.length());
        assertTrue(ApiClient.enc(paste).length() > 8192, "longer than Jetty takes in a URL");
        // a client of its own: Jetty closes the connection after refusing the URL, and a pooled connection
        // the shared client reused next would fail the following request for no fault of the server
        HttpResponse<byte[]> viaUrl;
        try {
            viaUrl = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/search?q=" + ApiClient.enc(paste))).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("the refused URL gets an answer, not a dropped connection", e);
        }
        assertTrue(viaUrl.statusCode() == 414 || viaUrl.statusCode() == 431 || viaUrl.statusCode() == 400, viaUrl.statusCode() + "");
        JsonNode viaPost = ok(post(Map.of("q", paste, "size", 5)));
        assertTrue(viaPost.get("hits").size() > 0, "partial matches of the pasted point");
        assertTrue(viaPost.get("dropped").size() > 0);
        // the same parameters as GET, filters too
        JsonNode filtered = ok(post(Map.of("q", "八项规定", "year", 2023)));
        JsonNode same = ok(client.get("/api/search?q=" + ApiClient.enc("八项规定") + "&year=2023"));
        assertEquals(same.get("hits"), filtered.get("hits"));
        JsonNode form = ok(client.post("/api/search", "application/x-www-form-urlencoded",
                "q=" + ApiClient.enc("八项规定") + "&year=2023"));
        assertEquals(same.get("hits"), form.get("hits"));
    }

    @Test
    void badInputIsA400WithOneChineseSentence() {
        String tooLong = refused(post(Map.of("q", "报".repeat(10_000))));
        assertTrue(tooLong.contains("最多 " + QueryLanguage.MAX_CHARS), tooLong);
        refused(post(Map.of("q", "(".repeat(5_000) + "报表" + ")".repeat(5_000))));
        refused(post(Map.of("q", "(".repeat(500) + "报表" + ")".repeat(500))));
        refused(client.post("/api/search", "application/json", "{\"q\": \"形式\\ud800主义\"}"));
        refused(post(Map.of("q", "形式\u0000主义")));
        refused(client.get("/api/search?q=" + ApiClient.enc("形式\u0007主义")));
        refused(client.get("/api/search?q=" + ApiClient.enc("\u001B[2J八项规定")));
        for (String q : List.of("*", "。。。", "？", "(*)")) {
            String error = refused(client.get("/api/search?q=" + ApiClient.enc(q)));
            assertTrue(error.contains("没有可以查找的文字"), error);
        }
        refused(client.post("/api/search", "application/json", "[1, 2]"));
        refused(client.post("/api/search", "application/json", "{\"q\": {\"a\": 1}}"));
        refused(client.post("/api/search", "application/json", "{not json"));
        String unit = refused(client.get("/api/search?q=" + ApiClient.enc("unit:临江县财政厅")));
        assertTrue(unit.contains("最接近的有：临江县财政局"), unit);
        // the empty query is still the whole archive (the landing page counts it)
        assertTrue(ok(client.get("/api/search?q=")).get("total").asLong() > 0);
    }

    @Test
    void relatedWordHitsAndNamesAreMarkedInTheJson() {
        JsonNode r = ok(client.get("/api/search?size=200&q=" + ApiClient.enc("形式主义")));
        boolean marked = false;
        for (JsonNode hit : r.get("hits")) {
            assertTrue(hit.has("passage") && hit.has("related"), hit.toString());
            if (hit.get("related").size() > 0) {
                marked = true;
                assertFalse(hit.get("text").asText().contains("形式主义"), hit.toString());
            }
        }
        assertTrue(marked, "走过场/流于形式 passages are found and marked");
        assertTrue(r.get("notes").toString().contains("含相关词："), r.get("notes").toString());
        JsonNode name = ok(client.get("/api/search?q=" + ApiClient.enc("周立新")));
        assertEquals("周立新", name.get("hits").get(0).get("matchedName").asText());
    }

    @Test
    void theSearchHelpNamesNoUnitOrPersonOfTheArchive() throws Exception {
        String page = ApiClient.text(client.get("/index.html"));
        assertTrue(page.contains("检索式写法"));
        for (var stored : app.archive().list(null, null)) {
            for (String name : new String[] {stored.report().unit(), stored.report().author()}) {
                if (name != null) {
                    assertFalse(page.contains(name), name);
                    String shortName = name.replaceFirst("^.+?[县区市镇]", "");
                    assertFalse(shortName.length() >= 2 && page.contains(shortName), shortName);
                }
            }
        }
    }
}
