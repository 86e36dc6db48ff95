package cn.reportarchive.web;

import org.junit.jupiter.api.Tag;
import static cn.reportarchive.web.ApiClient.body;
import static cn.reportarchive.web.ApiClient.enc;
import static cn.reportarchive.web.ApiClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/compare/draft and GET /api/reports/{id}/followup over HTTP, signed in as an admin and as
 * a viewer of one unit: the answers, the errors, the audit entries, and nothing stored.
 */
@Tag("integration")
class DraftApiTest {
    private static final String ADMIN_PW = "admin-password-1";
    private static final String VIEWER_PW = "viewer-password-1";
    @TempDir
    static Path data;
    static Application app;
    static WebServer server;
    static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(Path.of("sample-docs"))), ImportMetadata.NONE, o -> { });
        app.archive().list(null, null).forEach(r -> ids.put(r.report().filename(), r.report().id()));
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), ADMIN_PW.toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("云溪镇"), VIEWER_PW.toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    private static ApiClient admin() {
        return new ApiClient(server.port()).signedIn("zhang", ADMIN_PW);
    }

    private static ApiClient viewer() {
        return new ApiClient(server.port()).signedIn("li", VIEWER_PW);
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Path.of("sample-docs", name));
    }

    private static HttpResponse<byte[]> draft(ApiClient client, String name, byte[] bytes, Map<String, String> fields) {
        return client.upload("/api/compare/draft", name, bytes, fields);
    }

    @Test
    void aDraftIsAnsweredWithACompareResultAndAuditedAlone() throws Exception {
        ApiClient admin = admin();
        int reports = app.archive().count();
        HttpResponse<byte[]> r = draft(admin, "草稿.txt", Files.readAllBytes(Path.of("tools/samples/linjiang-czj-2023.txt")),
                Map.of("unit", "中共临江县财政局党组"));
        assertEquals(200, r.statusCode(), text(r));
        JsonNode c = body(r);
        assertEquals("临江县财政局", c.get("unit").asText(), "the unit resolves through the directory's aliases");
        assertTrue(c.get("to").get("reportId").isNull());
        assertEquals(2023, c.get("to").get("year").asInt());
        assertEquals(ids.get("linjiang-czj-2022.docx"), c.get("from").get("reportId").asText());
        assertEquals(6, c.get("repeats").size(), "the answer key plants six repeats from 2022 to 2023");
        assertTrue(c.get("measures").size() > 0);
        assertTrue(c.get("notAccounted").get("message").asText().matches("以下 \\d+ 条上年措施在草稿中未见下文"));
        assertTrue(c.get("draft").get("comparedWith").asText().contains(ids.get("linjiang-czj-2022.docx")));
        assertEquals(ids.get("linjiang-czj-2023.pdf"), c.get("draft").get("sameYear").get("reportId").asText());
        assertEquals(reports, app.archive().count());

        JsonNode audit = body(admin.get("/api/audit?action=draft-check"));
        JsonNode last = audit.get("entries").get(0);
        assertEquals("zhang", last.get("user").asText());
        assertTrue(last.toString().contains("草稿.txt"), last.toString());
    }

    @Test
    void badDraftsAre4xxWithAChineseSentenceAndStoreNothing() throws Exception {
        ApiClient admin = admin();
        int reports = app.archive().count();
        byte[] good = Files.readAllBytes(Path.of("tools/samples/yunxi-dw-2024.txt"));
        Map<HttpResponse<byte[]>, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put(draft(admin, "d.txt", good, Map.of()), 400);
        cases.put(draft(admin, "d.txt", new byte[0], Map.of("unit", "云溪镇")), 422);
        cases.put(draft(admin, "d.txt", "这是一份会议通知，请各单位按时参加。".getBytes(StandardCharsets.UTF_8), Map.of("unit", "云溪镇")), 422);
        cases.put(draft(admin, "d.txt", good, Map.of("unit", "没有这个单位")), 404);
        cases.put(draft(admin, "d.txt", good, Map.of("unit", "云溪镇", "year", "2022")), 404);
        cases.put(draft(admin, "d.txt", good, Map.of("unit", "云溪镇", "year", "明年")), 400);
        cases.put(draft(admin, "d.txt", good, Map.of("unit", "云溪镇", "year", "1850")), 400);
        cases.put(admin.post("/api/compare/draft", "application/json", "{}"), 400);
        for (Map.Entry<HttpResponse<byte[]>, Integer> c : cases.entrySet()) {
            assertEquals(c.getValue(), c.getKey().statusCode(), text(c.getKey()));
            String error = body(c.getKey()).get("error").asText();
            assertTrue(error.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), error);
        }
        assertEquals(reports, app.archive().count());
    }

    @Test
    void aLargeUploadLeavesNoTemporaryFile() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Set<String> before = listing(tmp);
        long started = System.currentTimeMillis();
        byte[] text = Files.readAllBytes(Path.of("tools/samples/yunxi-dw-2024.txt"));
        byte[] big = new byte[text.length + 4_500_000]; // past the 4 MB Jetty keeps in memory: spooled to a file
        System.arraycopy(text, 0, big, 0, text.length);
        java.util.Arrays.fill(big, text.length, big.length, (byte) '\n');
        HttpResponse<byte[]> r = draft(admin(), "big.txt", big, Map.of("unit", "云溪镇"));
        assertEquals(200, r.statusCode(), text(r));
        Set<String> added = new TreeSet<>(listing(tmp));
        added.removeAll(before);
        added.removeIf(name -> !name.matches("(?i).*(multipart|jetty|tika|poi).*")
                || new File(tmp.toFile(), name).lastModified() < started);
        assertEquals(Set.of(), added, "the upload's temporary file outlived the answer");
    }

    @Test
    void aViewerChecksOnlyAgainstItsOwnUnits() throws Exception {
        ApiClient viewer = viewer();
        HttpResponse<byte[]> other = draft(viewer, "d.txt", Files.readAllBytes(Path.of("tools/samples/linjiang-czj-2023.txt")),
                Map.of("unit", "临江县财政局"));
        assertEquals(404, other.statusCode(), text(other));
        assertFalse(text(other).contains(ids.get("linjiang-czj-2022.docx")));
        HttpResponse<byte[]> own = draft(viewer, "d.txt", Files.readAllBytes(Path.of("tools/samples/yunxi-dw-2024.txt")),
                Map.of("unit", "云溪镇"));
        assertEquals(200, own.statusCode(), text(own));
        assertEquals(2023, body(own).get("from").get("year").asInt());
        JsonNode hidden = body(admin().get("/api/audit?action=draft-check&user=li")).get("entries");
        assertTrue(hidden.toString().contains("无权查看"), hidden.toString());
    }

    @Test
    void theReportPageGetsEachMeasuresFateAndTheClaimedNumbersChecked() throws Exception {
        ApiClient admin = admin();
        String id = ids.get("linjiang-czj-2023.pdf");
        HttpResponse<byte[]> r = admin.get("/api/reports/" + id + "/followup");
        assertEquals(200, r.statusCode(), text(r));
        JsonNode f = body(r);
        assertEquals(ids.get("linjiang-czj-2024.doc"), f.get("next").get("reportId").asText());
        assertTrue(f.get("measures").size() > 0);
        Set<String> statuses = new TreeSet<>();
        for (JsonNode m : f.get("measures")) {
            statuses.add(m.get("label").asText());
            assertTrue(m.get("location").asText().startsWith("措施（"), m.get("location").asText());
            if (m.get("status").asText().equals("reported")) {
                assertTrue(m.get("evidence").get(0).get("location").asText().startsWith("整改落实"), m.toString());
            }
        }
        assertTrue(statuses.contains("已报告落实"), statuses.toString());
        JsonNode claims = f.get("claims");
        assertEquals(ids.get("linjiang-czj-2022.docx"), claims.get("previous").get("reportId").asText());
        String sentence = claims.get("sentence").asText();
        assertTrue(sentence.startsWith("原文称") && sentence.contains("上年材料共 " + claims.get("previousProblems").asInt() + " 条问题"),
                sentence);
        assertTrue(sentence.endsWith("本文逐项报告了 " + claims.get("reported").asInt() + " 项。"), sentence);
        assertTrue(claims.get("claimed").get("done").asInt() > 0, claims.toString());

        // the latest year: no next report yet, said in a sentence
        JsonNode latest = body(admin.get("/api/reports/" + ids.get("linjiang-czj-2024.doc") + "/followup"));
        assertTrue(latest.get("next").isNull());
        assertTrue(latest.get("nextNote").asText().contains("2025"), latest.get("nextNote").asText());

        ApiClient viewer = viewer();
        assertEquals(404, viewer.get("/api/reports/" + id + "/followup").statusCode());
        assertEquals(200, viewer.get("/api/reports/" + ids.get("yunxi-dw-2023.pdf") + "/followup").statusCode());
        assertEquals(404, admin.get("/api/reports/" + enc("nope") + "/followup").statusCode());
    }

    private static Set<String> listing(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }
}
