package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.extract.BadFiles;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Query strings, path parameters and form fields that are too long, malformed, full of control
 * characters, or try SQL injection and script: each gets a 4xx with one Chinese sentence or is
 * taken and stored as the text it is; never a 5xx.
 */
@Tag("integration")
class HostileRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String INJECTION = "' OR '1'='1'; DROP TABLE reports; --";
    private static final String SCRIPT = "<script>alert(document.cookie)</script>";

    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static String reportId;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, new ExtractionLimits(2L * 1024 * 1024, Duration.ofSeconds(30), 5_000_000));
        server = WebServer.start(app, "127.0.0.1", 0);
        HttpResponse<byte[]> created = Multipart.post(url("/api/reports"), "yunxi-dw-2022.txt",
                Files.readAllBytes(Path.of("sample-docs", "yunxi-dw-2022.txt")), Map.of());
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        reportId = JSON.readTree(created.body()).get("id").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A 2xx, or a 4xx whose body is {"error": one Chinese sentence}: never a 5xx, never HTML. */
    private static JsonNode answered(HttpResponse<byte[]> response, String what) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(response.statusCode() < 500, what + " → " + response.statusCode() + " " + body);
        assertTrue(body.isEmpty() || body.startsWith("{") || body.startsWith("["),
                what + " → " + response.statusCode() + " not JSON: " + body.substring(0, Math.min(body.length(), 200)));
        if (response.statusCode() >= 400) {
            JsonNode error = JSON.readTree(body);
            assertEquals(1, error.size(), what + " → " + body);
            String sentence = error.get("error").asText();
            assertTrue(sentence.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    what + " → " + sentence);
            assertTrue(!sentence.contains("Exception") && !sentence.contains("at org."), what + " → " + sentence);
            return error;
        }
        return body.isEmpty() ? null : JSON.readTree(body);
    }

    private static int reportCount() throws Exception {
        return JSON.readTree(get("/api/health").body()).get("reports").asInt();
    }

    @Test
    void hostileSearchQueries() throws Exception {
        List<String> queries = new ArrayList<>(List.of(
                "学".repeat(900),                       // as long as a URL takes
                "a".repeat(7000),
                "(".repeat(3000) + "学习" + ")".repeat(3000),
                "(".repeat(3000),
                "学习 OR ".repeat(1500) + "学习",
                "-".repeat(2000) + "学习",
                "\"".repeat(1001),
                "year:" + "9".repeat(40),
                "year:2023..1999",
                "year:-5..99999999999",
                "unit:" + INJECTION,
                INJECTION,
                SCRIPT,
                "学习\u0000\u0007\u001b[2J",
                "\uD800",                                // a lone surrogate
                "*?~^",
                "aspect:" + SCRIPT,
                "NOT NOT NOT",
                "OR OR OR",
                ""));
        for (String q : queries) {
            answered(get("/api/search?q=" + enc(q)), "q=" + q.substring(0, Math.min(q.length(), 30)));
        }
        JsonNode result = answered(get("/api/search?q=" + enc(SCRIPT)), "script query");
        assertTrue(result == null || !result.toString().contains("<script>"), "a query was echoed unescaped");
    }

    @Test
    void hostileSearchParameters() throws Exception {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("year", List.of("abc", "99999999999", "-1", "0", "2023;DROP TABLE reports", "2023\u0000"));
        params.put("page", List.of("-1", "0", "99999999", "2147483647", "1e9", "x"));
        params.put("size", List.of("-5", "0", "100000000", "2147483647", "NaN"));
        params.put("perReport", List.of("-1", "2147483647", "many"));
        params.put("unit", List.of(INJECTION, SCRIPT, "单".repeat(800), "\u0000\u001b"));
        params.put("aspect", List.of(INJECTION, "理论学习", "x".repeat(3000)));
        params.put("section", List.of(INJECTION, "问题", "\u0007"));
        params.put("sort", List.of(INJECTION, "year"));
        params.put("related", List.of("maybe", "false"));
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            for (String value : p.getValue()) {
                answered(get("/api/search?q=" + enc("学习") + "&" + p.getKey() + "=" + enc(value)),
                        p.getKey() + "=" + value.substring(0, Math.min(value.length(), 30)));
            }
        }
    }

    @Test
    void hostileListingAndReportIds() throws Exception {
        for (String unit : List.of(INJECTION, SCRIPT, "单".repeat(800), "\u0000")) {
            JsonNode list = answered(get("/api/reports?unit=" + enc(unit)), "unit=" + unit);
            assertEquals(0, list.size());
        }
        answered(get("/api/reports?year=" + enc("2022 OR 1=1")), "year injection");
        for (String id : List.of(INJECTION, "..%2F..%2Fetc%2Fpasswd", "x".repeat(3000), "%00", SCRIPT)) {
            String path = id.contains("%") ? id : enc(id);
            HttpResponse<byte[]> shown = get("/api/reports/" + path);
            answered(shown, "id=" + id.substring(0, Math.min(id.length(), 30)));
            assertTrue(shown.statusCode() == 404 || shown.statusCode() == 400, "id=" + id + " → " + shown.statusCode());
            answered(get("/api/reports/" + path + "/original"), "original of " + id.substring(0, Math.min(id.length(), 30)));
        }
        assertEquals(1, reportCount(), "the catalog still holds its report");
        assertEquals(200, get("/api/reports/" + reportId).statusCode());
    }

    @Test
    void hostileUploadFields() throws Exception {
        byte[] report = Files.readAllBytes(Path.of("sample-docs", "qingshan-scjg-2023.txt"));
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        refused.put("unit too long", Map.of("unit", "单".repeat(5000)));
        refused.put("author too long", Map.of("author", "名".repeat(5000)));
        refused.put("unit with control characters", Map.of("unit", "临江县\u0000财政局\u001b[2J"));
        refused.put("author with a line break", Map.of("author", "周立新\r\nX-Injected: 1"));
        refused.put("year with SQL", Map.of("year", "2023; DROP TABLE reports"));
        refused.put("year out of range", Map.of("year", "99999"));
        for (Map.Entry<String, Map<String, String>> c : refused.entrySet()) {
            HttpResponse<byte[]> response = Multipart.post(url("/api/reports"), "a.txt", report, c.getValue());
            answered(response, c.getKey());
            assertEquals(400, response.statusCode(), c.getKey());
        }
        assertEquals(1, reportCount(), "a refused upload stored nothing");

        // text that merely looks dangerous is a name like any other: stored and given back as it was
        HttpResponse<byte[]> created = Multipart.post(url("/api/reports"), SCRIPT + ".txt", report,
                Map.of("unit", INJECTION, "author", SCRIPT));
        JsonNode stored = answered(created, "injection as metadata");
        assertEquals(201, created.statusCode());
        assertEquals(INJECTION, stored.get("unit").asText());
        assertEquals(SCRIPT, stored.get("author").asText());
        assertEquals(2, reportCount(), "the reports table is still there");
        JsonNode listed = answered(get("/api/reports?unit=" + enc(INJECTION)), "list by the stored unit");
        assertEquals(1, listed.size());
        HttpResponse<byte[]> original = get("/api/reports/" + stored.get("id").asText() + "/original");
        assertEquals(200, original.statusCode());
        String disposition = original.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(!disposition.contains("<") && !disposition.contains("\n"), disposition);
    }

    @Test
    void everyBadFileOverHttpWhileTheServerKeepsAnswering() throws Exception {
        int before = reportCount();
        List<BadFiles.BadFile> bad = BadFiles.corpus().stream().filter(f -> !f.expect().imports()).toList();
        ExecutorService uploaders = Executors.newFixedThreadPool(4);
        AtomicBoolean uploading = new AtomicBoolean(true);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger answeredMidUpload = new AtomicInteger();
        CompletableFuture<Void> health = CompletableFuture.runAsync(() -> {
            while (uploading.get()) {
                try {
                    boolean asked = inFlight.get() > 0;
                    assertEquals(200, get("/api/health").statusCode());
                    // asked and answered while bad files were in the server's parsers: it did not wait for them
                    if (asked && inFlight.get() > 0) {
                        answeredMidUpload.incrementAndGet();
                    }
                    Thread.sleep(50);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (BadFiles.BadFile f : bad) {
                outcomes.add(uploaders.submit(() -> {
                    inFlight.incrementAndGet();
                    HttpResponse<byte[]> r;
                    try {
                        r = Multipart.post(url("/api/reports"), f.filename(), f.bytes().get(), Map.of());
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    JsonNode error = answered(r, f.label());
                    assertTrue(r.statusCode() == 422 || r.statusCode() == 413, f.label() + " → " + r.statusCode());
                    String sentence = error.get("error").asText();
                    assertTrue(f.expect().reasons().stream().anyMatch(sentence::contains) || r.statusCode() == 413,
                            f.label() + " → " + sentence);
                    return sentence;
                }));
            }
            for (Future<String> o : outcomes) {
                o.get(5, TimeUnit.MINUTES);
            }
        } finally {
            uploading.set(false);
            uploaders.shutdownNow();
        }
        health.get(1, TimeUnit.MINUTES);
        // counted against the uploads, not the clock: a loaded machine slows both alike
        assertTrue(answeredMidUpload.get() >= 3, "health answered only " + answeredMidUpload.get()
                + " times while bad files were being parsed");
        assertEquals(before, reportCount());
    }

    @ParameterizedTest(name = "length declared: {0}")
    @ValueSource(booleans = {true, false})
    void aTwoHundredMegabyteUploadIsRefusedWithoutBeingHeld(boolean declared) throws Exception {
        int before = reportCount();
        long size = 200L * 1024 * 1024;
        String boundary = "----hostile";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/reports"))).header("Origin", url(""))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(declared ? HttpRequest.BodyPublishers.fromPublisher(body(head, size), head.length + size)
                        : body(head, size))
                .build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            answered(response, "200 MB upload");
            assertEquals(413, response.statusCode());
            assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("超过"));
        } catch (java.io.IOException closed) {
            // the server may close the connection while the client is still sending: refused all the same
        }
        assertEquals(200, get("/api/health").statusCode());
        assertEquals(before, reportCount());
    }

    private static HttpRequest.BodyPublisher body(byte[] head, long zeros) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(head), new ZeroStream(zeros)));
    }

    /** So many zero bytes, made as they are read. */
    private static final class ZeroStream extends java.io.InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
