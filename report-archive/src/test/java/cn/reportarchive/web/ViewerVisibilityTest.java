package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.BulkImport;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.StoredReport;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A viewer of 临江县财政局 (given as 中共临江县财政局党组, the way a letter would name it) and a
 * viewer of two units, over the whole sample archive (15 reports, 4 units): never a report of
 * another unit, in hits, facets, totals, lists, report pages, downloads, comparisons or the health count.
 */
@Tag("integration")
class ViewerVisibilityTest {
    private static final String UNIT = "临江县财政局";
    private static final Set<String> TWO = Set.of("云溪镇", "临江县审计局");

    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static ApiClient viewer;
    private static ApiClient twoUnits;
    private static ApiClient admin;
    private static final Map<String, String> unitOf = new HashMap<>();

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        app.bulkImport().run(BulkImport.plan(List.of(Path.of("sample-docs"))), ImportMetadata.NONE, o -> { });
        for (StoredReport r : app.archive().list(null, null)) {
            unitOf.put(r.report().id(), r.report().unit());
        }
        app.auth().accounts().add("li", Role.VIEWER, List.of("中共临江县财政局党组"), "viewer-password-1".toCharArray());
        app.auth().accounts().add("zhao", Role.VIEWER, List.copyOf(TWO), "viewer-password-2".toCharArray());
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
        viewer = new ApiClient(server.port()).signedIn("li", "viewer-password-1");
        twoUnits = new ApiClient(server.port()).signedIn("zhao", "viewer-password-2");
        admin = new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
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

    private static Set<String> keys(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void theSampleArchiveHasOtherUnitsToHide() {
        assertEquals(15, unitOf.size());
        assertEquals(3, unitOf.values().stream().filter(UNIT::equals).count());
        assertTrue(new TreeSet<>(unitOf.values()).containsAll(TWO));
    }

    @Test
    void searchHitsFacetsAndTotalsStayWithinTheUnit() {
        for (String q : List.of("", "八项规定", "学习", "形式主义 OR 官僚主义", "year:2022..2024")) {
            JsonNode mine = ok(viewer.get("/api/search?size=200&q=" + ApiClient.enc(q)));
            JsonNode all = ok(admin.get("/api/search?size=200&q=" + ApiClient.enc(q)));
            JsonNode adminOfUnit = ok(admin.get("/api/search?size=200&unit=" + ApiClient.enc(UNIT) + "&q=" + ApiClient.enc(q)));
            assertTrue(all.get("total").asLong() > mine.get("total").asLong(), q + ": other units match too");
            assertEquals(adminOfUnit.get("total"), mine.get("total"), q);
            for (JsonNode hit : mine.get("hits")) {
                assertEquals(UNIT, hit.get("unit").asText(), q);
            }
            for (JsonNode r : mine.get("reports")) {
                assertEquals(UNIT, r.get("unit").asText(), q);
            }
            assertEquals(Set.of(UNIT), keys(mine.get("facets").get("unit")), q);
            for (String dim : List.of("year", "aspect", "section")) {
                assertEquals(adminOfUnit.get("facets").get(dim), mine.get("facets").get(dim), q + " " + dim);
            }
        }
    }

    @Test
    void askingForAnotherUnitGivesNothingAndItsFacetStillShowsOnlyOwnUnits() throws Exception {
        // another unit is, to a viewer, a unit the archive does not have: the same answer as for a name no
        // unit has (no way to tell the two apart), and the closest names proposed are the viewer's own
        for (String path : List.of("/api/search?q=" + ApiClient.enc("学习") + "&unit=" + ApiClient.enc("云溪镇"),
                "/api/search?q=" + ApiClient.enc("学习 unit:云溪镇"))) {
            HttpResponse<byte[]> other = viewer.get(path);
            assertEquals(400, other.statusCode());
            String error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(other.body()).get("error").asText();
            assertEquals("档案库中没有名为“云溪镇”的单位。", error);
        }
        HttpResponse<byte[]> none = viewer.get("/api/search?q=" + ApiClient.enc("学习 unit:云海镇"));
        assertEquals(400, none.statusCode());
        assertFalse(new String(none.body(), java.nio.charset.StandardCharsets.UTF_8).contains("云溪镇"));
        // the unit facet is counted without the unit filter, but never without the viewer's limit
        JsonNode own = ok(viewer.get("/api/search?q=" + ApiClient.enc("学习") + "&unit=" + ApiClient.enc(UNIT)));
        assertEquals(Set.of(UNIT), keys(own.get("facets").get("unit")));

        JsonNode two = ok(twoUnits.get("/api/search?size=200&q=" + ApiClient.enc("学习")));
        assertEquals(TWO, keys(two.get("facets").get("unit")));
        for (JsonNode hit : two.get("hits")) {
            assertTrue(TWO.contains(hit.get("unit").asText()), hit.toString());
        }
    }

    @Test
    void theUnitDirectoryShowsOnlyTheViewersUnitsUnderWhicheverNameTheyWereGiven() {
        JsonNode mine = ok(viewer.get("/api/units"));
        assertEquals(1, mine.size(), mine.toString());
        assertEquals(UNIT, mine.get(0).get("unit").asText());
        assertEquals(3, mine.get(0).get("reports").asInt());
        Set<String> two = new TreeSet<>();
        ok(twoUnits.get("/api/units")).forEach(u -> two.add(u.get("unit").asText()));
        assertEquals(new TreeSet<>(TWO), two);
        assertEquals(4, ok(admin.get("/api/units")).size());
        // any other name of the viewer's unit reaches the same reports; another unit's names reach none
        for (String name : List.of("临江县财政局党组领导班子", "临江县 财政局", "中共临江县财政局委员会")) {
            assertEquals(3, ok(viewer.get("/api/reports?unit=" + ApiClient.enc(name))).size(), name);
        }
        for (String name : List.of("中共云溪镇委员会", "云溪镇党委", "临江县审计局党组领导班子")) {
            assertEquals(0, ok(viewer.get("/api/reports?unit=" + ApiClient.enc(name))).size(), name);
            assertTrue(ok(admin.get("/api/reports?unit=" + ApiClient.enc(name))).size() > 0, name);
        }
    }

    @Test
    void listHealthAndReportsByIdShowOnlyTheUnit() {
        JsonNode list = ok(viewer.get("/api/reports"));
        assertEquals(3, list.size());
        for (JsonNode r : list) {
            assertEquals(UNIT, r.get("unit").asText());
        }
        assertEquals(0, ok(viewer.get("/api/reports?unit=" + ApiClient.enc("云溪镇"))).size());
        assertEquals(3, ok(viewer.get("/api/reports?unit=" + ApiClient.enc(UNIT))).size());
        assertEquals(3, ok(viewer.get("/api/health")).get("reports").asInt());
        assertEquals(15, ok(admin.get("/api/health")).get("reports").asInt());
        assertEquals(unitOf.values().stream().filter(TWO::contains).count(), ok(twoUnits.get("/api/reports")).size());

        for (Map.Entry<String, String> e : unitOf.entrySet()) {
            String id = e.getKey();
            HttpResponse<byte[]> report = viewer.get("/api/reports/" + id);
            HttpResponse<byte[]> original = viewer.get("/api/reports/" + id + "/original");
            if (UNIT.equals(e.getValue())) {
                assertEquals(id, ok(report).get("id").asText());
                assertEquals(200, original.statusCode());
            } else {
                // exactly what an unknown id gets: the report's existence is not given away
                assertEquals(404, report.statusCode());
                assertEquals(404, original.statusCode());
                assertEquals(ApiClient.body(viewer.get("/api/reports/0000" + id.substring(4))).get("error").asText()
                                .replace("0000" + id.substring(4), id),
                        ApiClient.body(report).get("error").asText());
                assertFalse(ApiClient.text(report).contains(e.getValue() == null ? "\u0000" : e.getValue()));
                assertFalse(ApiClient.text(original).contains("PK"), "no bytes of the original");
            }
        }
    }

    @Test
    void compareAndRepeatsOfAnotherUnitAreAsIfItHadNoMaterials() {
        JsonNode own = ok(viewer.get("/api/compare?unit=" + ApiClient.enc(UNIT) + "&from=2022&to=2023"));
        assertEquals(UNIT, own.get("unit").asText());
        ok(viewer.get("/api/repeats?unit=" + ApiClient.enc(UNIT)));
        ok(admin.get("/api/compare?unit=" + ApiClient.enc("云溪镇") + "&from=2022&to=2023"));

        HttpResponse<byte[]> hidden = viewer.get("/api/compare?unit=" + ApiClient.enc("云溪镇") + "&from=2022&to=2023");
        HttpResponse<byte[]> none = viewer.get("/api/compare?unit=" + ApiClient.enc("无此镇") + "&from=2022&to=2023");
        assertEquals(404, hidden.statusCode());
        assertEquals(404, none.statusCode(), ApiClient.text(none));
        assertEquals(ApiClient.body(none).get("error").asText().replace("无此镇", "云溪镇"),
                ApiClient.body(hidden).get("error").asText());
        HttpResponse<byte[]> hiddenRepeats = viewer.get("/api/repeats?unit=" + ApiClient.enc("中共云溪镇委员会"));
        HttpResponse<byte[]> noRepeats = viewer.get("/api/repeats?unit=" + ApiClient.enc("无此镇"));
        assertEquals(404, hiddenRepeats.statusCode());
        assertEquals(ApiClient.body(noRepeats).get("error").asText().replace("无此镇", "云溪镇"),
                ApiClient.body(hiddenRepeats).get("error").asText());

        // the admin's log tells the refused look from the granted one
        List<cn.reportarchive.auth.AuditEntry> looks = audit("li", "compare");
        assertTrue(looks.stream().anyMatch(e -> "hidden".equals(e.detail().get("result"))
                && "云溪镇".equals(e.detail().get("unit"))), looks.toString());
        assertTrue(looks.stream().anyMatch(e -> e.detail().get("result") == null
                && UNIT.equals(e.detail().get("unit")) && Integer.valueOf(2022).equals(e.detail().get("from"))));
    }

    @Test
    void theLedgerOfAnotherUnitIsAsIfItHadNoMaterials() {
        HttpResponse<byte[]> own = viewer.get("/api/ledger?unit=" + ApiClient.enc(UNIT) + "&year=2022&format=csv");
        assertEquals(200, own.statusCode(), ApiClient.text(own));
        assertTrue(ApiClient.text(own).contains(UNIT));
        HttpResponse<byte[]> hidden = viewer.get("/api/ledger?unit=" + ApiClient.enc("云溪镇") + "&year=2022&format=docx");
        HttpResponse<byte[]> none = viewer.get("/api/ledger?unit=" + ApiClient.enc("无此镇") + "&year=2022&format=docx");
        assertEquals(404, hidden.statusCode());
        assertEquals(404, none.statusCode());
        assertEquals(ApiClient.body(none).get("error").asText().replace("无此镇", "云溪镇"),
                ApiClient.body(hidden).get("error").asText());
        assertEquals(200, admin.get("/api/ledger?unit=" + ApiClient.enc("云溪镇") + "&year=2022&format=docx").statusCode());
        assertTrue(audit("li", "export").stream().anyMatch(e -> "hidden".equals(e.detail().get("result"))
                && "ledger".equals(e.detail().get("what"))));
    }

    @Test
    void copyDetectionLooksAcrossUnitsSoAViewerMayNotUseIt() {
        String own = unitOf.entrySet().stream().filter(e -> UNIT.equals(e.getValue())).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        for (String path : List.of("/api/copies", "/api/copies/" + own, "/api/templates", "/api/repeats/common")) {
            HttpResponse<byte[]> r = viewer.get(path);
            assertEquals(403, r.statusCode(), path + " " + ApiClient.text(r));
            assertEquals(200, admin.get(path).statusCode(), path);
        }
    }

    private static List<cn.reportarchive.auth.AuditEntry> audit(String user, String action) {
        try {
            return app.auth().audit().query(new cn.reportarchive.auth.AuditQuery(user, action, null, null, null, 1, 1000))
                    .entries();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDownloadGivesTheOriginalBytesOfTheOwnUnit() throws Exception {
        String id = unitOf.entrySet().stream().filter(e -> UNIT.equals(e.getValue())).map(Map.Entry::getKey)
                .sorted().findFirst().orElseThrow();
        HttpResponse<byte[]> r = viewer.get("/api/reports/" + id + "/original");
        assertEquals(200, r.statusCode());
        String filename = ok(viewer.get("/api/reports/" + id)).get("filename").asText();
        assertArrayEquals(Files.readAllBytes(Path.of("sample-docs", filename)), r.body());
    }

    @Test
    void aViewerSessionSaysItsUnitsAndThatItMayNotImport() {
        JsonNode s = ok(viewer.get("/api/session"));
        assertEquals("viewer", s.get("role").asText());
        assertEquals("中共临江县财政局党组", s.get("units").get(0).asText());
        assertFalse(s.get("may").get("import").asBoolean());
        assertFalse(s.get("may").get("delete").asBoolean());
    }
}
