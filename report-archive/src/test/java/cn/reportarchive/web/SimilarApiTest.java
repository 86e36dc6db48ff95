package cn.reportarchive.web;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET/POST /api/similar and the suggestions of /api/search over HTTP, signed in: an inspector sees the
 * whole archive, a viewer only its unit (hits and suggestions alike), bad text is a 400 with a sentence,
 * and each look-up is in the audit log without the pasted text.
 */
@Tag("integration")
class SimilarApiTest {
    private static final Path FIXTURES = Path.of("report-archive/src/test/resources/similar");
    private static final String PASTE = "镇上对村里的考核检查和报表台账太多，指尖上的形式主义还没根除，统筹精简的办法少";

    @TempDir
    static Path data;
    static Application app;
    static WebServer server;
    static ApiClient inspector;
    static ApiClient viewer;
    static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        for (String f : List.of("qingshan-jyj-2023.txt", "yunxi-nyb-2023.txt")) {
            app.archive().importFile(f, Files.readAllBytes(FIXTURES.resolve(f)), ImportMetadata.NONE);
        }
        for (String f : List.of("yunxi-dw-2022.txt", "yunxi-dw-2023.pdf")) {
            app.archive().importFile(f, Files.readAllBytes(Path.of("sample-docs", f)), ImportMetadata.NONE);
        }
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        app.auth().accounts().add("wang", Role.INSPECTOR, List.of(), "inspector-password-1".toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("中共云溪镇农业服务中心支部委员会"), "viewer-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
        inspector = new ApiClient(server.port()).signedIn("wang", "inspector-password-1");
        viewer = new ApiClient(server.port()).signedIn("li", "viewer-password-1");
        admin = new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        app.close();
    }

    @Test
    void getAnswersAsTheInterfaceSays() {
        HttpResponse<byte[]> r = inspector.get("/api/similar?text=" + ApiClient.enc(PASTE) + "&limit=5");
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        JsonNode hits = ApiClient.body(r).get("hits");
        assertTrue(hits.size() >= 3 && hits.size() <= 5, hits.toString());
        for (String key : List.of("reportId", "title", "year", "unit", "author", "section", "aspect", "ref", "text", "similarity")) {
            assertTrue(hits.get(0).has(key), key + " in " + hits.get(0));
        }
        assertTrue(hits.get(0).get("text").asText().contains("指尖上的形式主义"), hits.toString());
        List<String> units = new ArrayList<>();
        ApiClient.body(inspector.get("/api/similar?text=" + ApiClient.enc(PASTE))).get("hits")
                .forEach(h -> units.add(h.get("unit").asText()));
        assertTrue(units.contains("青山区教育局"), "another unit's wording of the same problem: " + units);

        HttpResponse<byte[]> year = inspector.get("/api/similar?text=" + ApiClient.enc(PASTE) + "&year=2022");
        assertEquals(200, year.statusCode());
        ApiClient.body(year).get("hits").forEach(h -> assertEquals(2022, h.get("year").asInt()));
        HttpResponse<byte[]> unit = inspector.get("/api/similar?text=" + ApiClient.enc(PASTE) + "&unit=" + ApiClient.enc("青山区教育局"));
        assertFalse(ApiClient.body(unit).get("hits").isEmpty());
        ApiClient.body(unit).get("hits").forEach(h -> assertEquals("青山区教育局", h.get("unit").asText()));
    }

    @Test
    void postTakesTheSameAsJson() {
        HttpResponse<byte[]> r = inspector.post("/api/similar", "application/json", ApiClient.json(Map.of("text", PASTE, "limit", 2)));
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        assertEquals(2, ApiClient.body(r).get("hits").size());
    }

    @Test
    void aViewerFindsOnlyItsOwnUnitsPoints() {
        JsonNode hits = ApiClient.body(viewer.get("/api/similar?text=" + ApiClient.enc(PASTE))).get("hits");
        assertFalse(hits.isEmpty());
        hits.forEach(h -> assertTrue(h.get("unit").asText().startsWith("云溪镇农业服务中心"), h.toString()));
    }

    @Test
    void badTextIsA400WithASentence() {
        List<HttpResponse<byte[]>> answers = List.of(
                inspector.get("/api/similar?text="),
                inspector.get("/api/similar"),
                inspector.get("/api/similar?text=" + ApiClient.enc("。。。！！！……")),
                inspector.get("/api/similar?text=" + ApiClient.enc("问题\u0007问题")),
                inspector.get("/api/similar?text=" + ApiClient.enc(PASTE) + "&limit=many"),
                inspector.post("/api/similar", "application/json", "{\"text\": \"" + "问题".repeat(1001) + "\"}"),
                inspector.post("/api/similar", "application/json", "{\"text\": \"问题\\ud800问题\"}"),
                inspector.post("/api/similar", "application/json", "not json"),
                inspector.post("/api/similar", "application/json", "[1, 2]"));
        for (HttpResponse<byte[]> r : answers) {
            assertEquals(400, r.statusCode(), ApiClient.text(r));
            String error = ApiClient.body(r).get("error").asText();
            assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        }
    }

    @Test
    void searchSuggestsTheArchivesWordingForSlips() {
        assertEquals(List.of("凝心铸魂"), suggestions(inspector, "凝心筑魂"));
        assertEquals("形式主义", suggestions(inspector, "形式住义").get(0));
        assertEquals("形式主义", suggestions(inspector, "形式主義").get(0));
        assertEquals(List.of(), suggestions(inspector, "形式主义"));
    }

    @Test
    void aViewerIsNotSuggestedWhatOnlyOtherUnitsWrite() {
        // 凝心铸魂 stands only in 青山区教育局's report: the viewer of another unit must not learn of it
        assertEquals(List.of(), suggestions(viewer, "凝心筑魂"));
        assertEquals(List.of("凝心铸魂"), suggestions(inspector, "凝心筑魂"));
    }

    @Test
    void eachLookUpIsAuditedWithoutThePastedText() {
        assertEquals(200, inspector.get("/api/similar?text=" + ApiClient.enc(PASTE)).statusCode());
        HttpResponse<byte[]> r = admin.get("/api/audit?size=50&user=wang&action=search");
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        String entries = ApiClient.body(r).get("entries").toString();
        assertTrue(entries.contains("similar"), entries);
        assertFalse(entries.contains("指尖上的形式主义"), "the pasted text is report text, not for the log: " + entries);
    }

    @Test
    void theVocabularyFollowsAnImport() throws Exception {
        assertEquals(List.of(), suggestions(inspector, "赓续红色血麦"), "nothing in the archive says it yet");
        String report = String.join("\n", "中共青山区文化和旅游局党组", "青山区文化和旅游局党组领导班子2023年度民主生活会对照检查材料",
                "现将对照检查情况报告如下。", "一、存在的问题", "（一）理论学习方面",
                "1.赓续红色血脉的举措不多，红色资源保护利用办法少，讲好红色故事的载体单一。", "二、整改措施", "（一）理论学习方面",
                "1.制定红色资源保护利用三年计划。");
        app.archive().importFile("qingshan-wlj-2023.txt", report.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ImportMetadata.NONE);
        assertEquals(List.of("赓续红色血脉"), suggestions(inspector, "赓续红色血麦"));
    }

    private static List<String> suggestions(ApiClient as, String q) {
        HttpResponse<byte[]> r = as.get("/api/search?q=" + ApiClient.enc(q));
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        JsonNode body = ApiClient.body(r);
        assertTrue(body.has("total") && body.has("hits") && body.has("facets"), body.toString());
        List<String> out = new ArrayList<>();
        body.get("suggestions").forEach(s -> out.add(s.asText()));
        return out;
    }
}
