package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.ExtractionLimits;
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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of INTERFACE.md and its error cases, over HTTP against the real server. */
@Tag("integration")
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, new ExtractionLimits(2L * 1024 * 1024, Duration.ofSeconds(30), 5_000_000));
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static HttpResponse<byte[]> upload(String path, String filename, byte[] bytes, Map<String, String> fields) {
        return new ApiClient(server.port()).upload(path, filename, bytes, fields);
    }

    private static void assertError(HttpResponse<byte[]> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertChineseError(json(response));
    }

    /** An error body: one field, a sentence in Chinese, no trace of the code. */
    private static void assertChineseError(JsonNode body) {
        assertEquals(1, body.size(), body.toString());
        String error = body.get("error").asText();
        assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        assertTrue(!error.contains("Exception") && !error.contains("at cn."), error);
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("sample-docs", name));
    }

    @Test
    void uploadShowListDownloadAndDelete() throws Exception {
        byte[] docx = sample("qingshan-scjg-2024.docx");
        HttpResponse<byte[]> created = upload("/api/reports", "qingshan-scjg-2024.docx", docx,
                Map.of("author", "", "year", ""));
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        JsonNode report = json(created);
        String id = report.get("id").asText();
        for (String field : List.of("id", "title", "year", "unit", "author", "post", "kind", "meeting", "sha256",
                "filename", "mediaType", "sections")) {
            assertTrue(report.has(field), field);
        }
        assertEquals("青山区市场监督管理局", report.get("unit").asText());

        HttpResponse<byte[]> again = upload("/api/reports", "renamed.docx", docx, Map.of());
        assertEquals(200, again.statusCode());
        assertEquals(Map.of("status", "duplicate", "id", id), JSON.convertValue(json(again), Map.class));

        JsonNode shown = json(get("/api/reports/" + id));
        assertEquals(report, shown);

        JsonNode list = json(get("/api/reports?unit=" + enc("青山区市场监督管理局") + "&year=2024"));
        assertEquals(1, list.size());
        assertEquals(id, list.get(0).get("id").asText());
        assertTrue(!list.get(0).has("sections"));
        assertEquals(0, json(get("/api/reports?year=1999")).size());

        HttpResponse<byte[]> original = get("/api/reports/" + id + "/original");
        assertEquals(200, original.statusCode());
        assertArrayEquals(docx, original.body());
        assertTrue(original.headers().firstValue("Content-Type").orElse("").startsWith(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        assertTrue(original.headers().firstValue("Content-Disposition").orElse("").contains("qingshan-scjg-2024.docx"));

        HttpResponse<byte[]> deleted = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/reports/" + id))).header("Origin", url(""))
                .DELETE().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(204, deleted.statusCode());
        assertError(get("/api/reports/" + id), 404);
        assertError(get("/api/reports/" + id + "/original"), 404);
        assertError(HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/reports/" + id))).header("Origin", url("")).DELETE().build(),
                HttpResponse.BodyHandlers.ofByteArray()), 404);
    }

    @Test
    void givenFieldsWinOverTheText() throws Exception {
        HttpResponse<byte[]> created = upload("/api/reports", "linjiang-sjj-2022.txt", sample("linjiang-sjj-2022.txt"),
                new LinkedHashMap<>(Map.of("unit", "临江县审计局", "year", "2022", "author", "")));
        assertEquals(201, created.statusCode());
        assertEquals("临江县审计局", json(created).get("unit").asText());
    }

    @Test
    void previewReadsTheHeaderWithoutArchiving() throws Exception {
        int before = json(get("/api/health")).get("reports").asInt();
        HttpResponse<byte[]> preview = upload("/api/reports/preview", "yunxi-dw-2024.doc", sample("yunxi-dw-2024.doc"),
                Map.of());
        assertEquals(200, preview.statusCode());
        JsonNode header = json(preview);
        assertEquals(2024, header.get("year").asInt());
        assertEquals("云溪镇", header.get("unit").asText());
        assertEquals(before, json(get("/api/health")).get("reports").asInt());
    }

    @Test
    void searchAnswersWithHitsFacetsAndReports() throws Exception {
        upload("/api/reports", "linjiang-czj-2023.pdf", sample("linjiang-czj-2023.pdf"), Map.of());
        JsonNode result = json(get("/api/search?q=" + enc("八项规定") + "&size=5"));
        assertTrue(result.get("total").asInt() > 0);
        JsonNode hit = result.get("hits").get(0);
        for (String field : List.of("reportId", "title", "year", "unit", "author", "section", "aspect", "ref", "text",
                "snippet", "score")) {
            assertTrue(hit.has(field), field);
        }
        assertTrue(hit.get("snippet").asText().contains("<mark>"));
        for (String facet : List.of("year", "unit", "aspect", "section")) {
            assertTrue(result.get("facets").has(facet), facet);
        }
        assertTrue(result.get("reports").size() > 0);
        JsonNode filtered = json(get("/api/search?q=" + enc("八项规定") + "&year=1999"));
        assertEquals(0, filtered.get("total").asInt());
    }

    @Test
    void badRequestsAreJsonErrorsInChinese() throws Exception {
        assertError(get("/api/search?q=" + enc("\"四风")), 400);
        assertError(get("/api/search?q=" + enc("foo:bar")), 400);
        assertError(get("/api/search?q=x&year=abc"), 400);
        assertError(get("/api/search?q=x&aspect=nothing"), 400);
        assertError(get("/api/search?q=x&sort=random"), 400);
        assertError(get("/api/reports?year=twenty"), 400);
        assertError(get("/api/reports/does-not-exist"), 404);
        assertError(get("/api/no-such-endpoint"), 404);
        assertError(HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/reports"))).header("Origin", url(""))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray()), 400);
        assertError(upload("/api/reports", "empty.docx", new byte[0], Map.of()), 422);
        assertError(upload("/api/reports", "bogus.pdf", "not a pdf at all".getBytes(StandardCharsets.UTF_8), Map.of()), 422);
        assertError(upload("/api/reports", "notes.txt", "买菜：白菜两斤".getBytes(StandardCharsets.UTF_8), Map.of()), 422);
        assertError(upload("/api/reports", "a.txt", "x".getBytes(StandardCharsets.UTF_8), Map.of("year", "去年")), 400);
        // 4 MB declared and refused before a byte of it is read, so the body is not sent: a client still
        // writing it when the server closes may meet a reset instead of the answer (java.net.http sending
        // all of it did once in CI; HostileRequestsTest covers a body sent on regardless)
        RawHttp.Answer big = RawHttp.send(server.port(), "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\nOrigin: " + url("") + "\r\nContent-Type: multipart/form-data; boundary=x"
                + "\r\nContent-Length: " + 4 * 1024 * 1024 + "\r\n\r\n--x\r\n");
        assertEquals(413, big.status(), big.head() + big.body());
        assertChineseError(JSON.readTree(big.body()));
    }

    @Test
    void aFileNameWithFoldersAndControlCharactersIsReducedToItsName() throws Exception {
        byte[] bytes = ("中共临江县林业局党组\n临江县林业局党组领导班子2023年度民主生活会对照检查材料\n现对照检查如下：\n"
                + "一、存在的问题\n1.学习不够系统。").getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> created = upload("/api/reports", "../../etc/passwd.txt", bytes, Map.of());
        assertEquals(201, created.statusCode());
        assertEquals("passwd.txt", json(created).get("filename").asText());
        // a control character in the multipart header is refused by the server itself: a 4xx, never a 5xx
        assertError(upload("/api/reports", "bad\u0007name.txt", bytes, Map.of()), 400);
    }

    @Test
    void healthAndMeta() throws Exception {
        JsonNode health = json(get("/api/health"));
        assertEquals("ok", health.get("status").asText());
        assertNotNull(health.get("reports"));
        JsonNode meta = json(get("/api/meta"));
        assertEquals(9, meta.get("aspects").size());
        assertEquals(2L * 1024 * 1024, meta.get("maxUploadBytes").asLong());
        // the pages' file pickers take the formats from here: the list folder imports use
        List<String> formats = new java.util.ArrayList<>();
        meta.get("formats").forEach(f -> formats.add(f.asText()));
        assertEquals(cn.reportarchive.archive.BulkImport.DOCUMENT_EXTENSIONS, java.util.Set.copyOf(formats));
        for (String f : formats) {
            assertTrue(meta.get("accept").asText().contains("." + f + ","), f);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
