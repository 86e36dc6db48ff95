package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.archive.UnitReports;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The unit directory over HTTP: GET /api/units in INTERFACE.md's shape (a viewer sees its own units'
 * entries only), merge and unmerge for admins and inspectors with 400 for what cannot be merged, and
 * a viewer's access that follows its unit through every name and through a merge.
 */
@Tag("integration")
class UnitApiTest {
    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static ApiClient admin;
    private static ApiClient inspector;
    /** Given 中共临江县财政局党组, as a letter would name the unit. */
    private static ApiClient finance;
    /** Given 临江县农业局, the unit's name before the 机构改革. */
    private static ApiClient farm;

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        List<UnitReports.Fixture> all = new ArrayList<>(UnitReports.finance());
        all.addAll(UnitReports.farming());
        for (UnitReports.Fixture f : all) {
            ImportOutcome o = app.archive().importFile(f.file(), f.text().getBytes(StandardCharsets.UTF_8),
                    new ImportMetadata(f.typedUnit(), null, null));
            assertEquals(ImportOutcome.Status.IMPORTED, o.status(), o.toString());
        }
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        app.auth().accounts().add("wang", Role.INSPECTOR, List.of(), "inspector-password-1".toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("中共临江县财政局党组"), "viewer-password-1".toCharArray());
        app.auth().accounts().add("zhao", Role.VIEWER, List.of("临江县农业局"), "viewer-password-2".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
        admin = new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
        inspector = new ApiClient(server.port()).signedIn("wang", "inspector-password-1");
        finance = new ApiClient(server.port()).signedIn("li", "viewer-password-1");
        farm = new ApiClient(server.port()).signedIn("zhao", "viewer-password-2");
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

    private static HttpResponse<byte[]> postJson(ApiClient c, String path, Object body) {
        return c.post(path, "application/json", body instanceof String s ? s : ApiClient.json(body));
    }

    private static Set<String> units(JsonNode entries) {
        Set<String> out = new TreeSet<>();
        entries.forEach(e -> out.add(e.get("unit").asText()));
        return out;
    }

    private static Set<String> facetUnits(JsonNode search) {
        Set<String> out = new TreeSet<>();
        search.get("facets").get("unit").fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void unitsAnswerInTheInterfaceShape() {
        JsonNode all = ok(admin.get("/api/units"));
        JsonNode financeUnit = null;
        for (JsonNode u : all) {
            for (String field : List.of("unit", "aliases", "reports", "years", "names")) {
                assertTrue(u.has(field), field + " in " + u);
            }
            if (u.get("unit").asText().equals("临江县财政局")) {
                financeUnit = u;
            }
        }
        assertTrue(financeUnit != null, all.toString());
        assertEquals(2, financeUnit.get("reports").asInt());
        assertEquals("[2022,2023]", financeUnit.get("years").toString());
        JsonNode name = financeUnit.get("names").get(0);
        assertEquals("中共临江县财政局党组", name.get("name").asText(), "the names in the order they were used");
        assertEquals("[2022]", name.get("years").toString());
    }

    @Test
    void aViewerGivenOneNameOfItsUnitSeesTheReportsOfEveryName() {
        assertEquals(Set.of("临江县财政局"), units(ok(finance.get("/api/units"))));
        JsonNode list = ok(finance.get("/api/reports"));
        Set<Integer> years = new TreeSet<>();
        list.forEach(r -> years.add(r.get("year").asInt()));
        assertEquals(Set.of(2022, 2023), years, "the typed report and the one read from its header");
        list.forEach(r -> ok(finance.get("/api/reports/" + r.get("id").asText())));
        JsonNode found = ok(finance.get("/api/search?q=" + ApiClient.enc("学习")));
        assertEquals(Set.of("临江县财政局"), facetUnits(found));
        assertEquals(ok(admin.get("/api/search?q=" + ApiClient.enc("学习") + "&unit=" + ApiClient.enc("临江县财政局党组领导班子")))
                .get("total"), found.get("total"));
        ok(finance.get("/api/compare?unit=" + ApiClient.enc("临江县财政局党组领导班子") + "&from=2022&to=2023"));
        // and nothing of another unit, under whatever name it is asked for
        for (String other : List.of("临江县农业局", "中共临江县农业农村局党组")) {
            assertEquals(404, finance.get("/api/repeats?unit=" + ApiClient.enc(other)).statusCode(), other);
            assertEquals(0, ok(finance.get("/api/reports?unit=" + ApiClient.enc(other))).size(), other);
        }
    }

    @Test
    void anUploadTypedWithAnotherNameJoinsTheUnit() {
        String text = UnitReports.audit().get(1).text(); // its header says 中共临江县审计局党组
        HttpResponse<byte[]> upload = admin.upload("/api/reports", "sjj-upload.txt", text.getBytes(StandardCharsets.UTF_8),
                Map.of("unit", "临江县审计局党组领导班子"));
        assertEquals(201, upload.statusCode(), ApiClient.text(upload));
        JsonNode imported = ApiClient.body(upload);
        assertEquals("临江县审计局", ok(admin.get("/api/reports/" + imported.get("id").asText())).get("unit").asText());
        JsonNode audit = null;
        for (JsonNode u : ok(admin.get("/api/units"))) {
            if (u.get("unit").asText().equals("临江县审计局")) {
                audit = u;
            }
        }
        assertTrue(audit != null);
        assertEquals(List.of("临江县审计局党组领导班子"), List.of(audit.get("aliases").get(0).asText()));
    }

    @Test
    void inspectorsMergeAndAdminsUnmergeAndTheViewerFollows() {
        assertEquals(2, ok(farm.get("/api/reports")).size());
        String farm2021 = null;
        for (JsonNode r : ok(admin.get("/api/reports?unit=" + ApiClient.enc("临江县农业局")))) {
            if (r.get("year").asInt() == 2021) {
                farm2021 = r.get("id").asText();
            }
        }
        // another unit's later report may be what a report was copied from; the same unit's later one may not
        assertEquals(Set.of(2023), copySourceYears(farm2021), "before the merge 农业农村局 is another unit");
        HttpResponse<byte[]> refused = postJson(farm, "/api/units/merge", Map.of("names", List.of("临江县农业局"), "into", "临江县农业农村局"));
        assertEquals(403, refused.statusCode(), ApiClient.text(refused));

        JsonNode merged = ok(postJson(inspector, "/api/units/merge",
                Map.of("names", List.of("中共临江县农业局党组"), "into", "临江县农业农村局")));
        assertEquals("临江县农业农村局", merged.get("unit").asText());
        assertEquals(3, merged.get("reports").asInt());
        assertEquals("[2021,2022,2023]", merged.get("years").toString());
        // at once: the viewer of the old name reads the merged unit, in lists, search and facets
        JsonNode list = ok(farm.get("/api/reports"));
        assertEquals(3, list.size());
        list.forEach(r -> assertEquals("临江县农业农村局", r.get("unit").asText()));
        JsonNode found = ok(farm.get("/api/search?q=" + ApiClient.enc("乡村振兴")));
        assertEquals(Set.of("临江县农业农村局"), facetUnits(found));
        assertEquals(Set.of("临江县农业农村局"), units(ok(farm.get("/api/units"))));
        JsonNode chains = ok(farm.get("/api/repeats?unit=" + ApiClient.enc("临江县农业局")));
        assertEquals("[2021,2022,2023]", chains.get("chains").get(0).get("years").toString());
        assertEquals(Set.of(), copySourceYears(farm2021), "the copy check knows at once that 2022 and 2023 are its own later years");

        JsonNode restored = ok(postJson(admin, "/api/units/unmerge", Map.of("name", "临江县农业局")));
        assertEquals("临江县农业局", restored.get("unit").asText());
        assertEquals("[2021,2022]", restored.get("years").toString());
        assertEquals(2, ok(farm.get("/api/reports")).size());
        assertEquals(Set.of("临江县农业局"), units(ok(farm.get("/api/units"))));
        assertEquals(404, farm.get("/api/compare?unit=" + ApiClient.enc("临江县农业农村局") + "&from=2022&to=2023").statusCode());
        assertEquals(Set.of(2023), copySourceYears(farm2021), "and another unit's again after the unmerge");

        List<AuditEntry> entries = auditOf("wang", "unit-merge");
        assertEquals(1, entries.size());
        assertEquals(List.of("中共临江县农业局党组"), entries.get(0).detail().get("names"));
        assertTrue(entries.get(0).detail().get("before").toString().contains("临江县农业局党组领导班子"));
        assertEquals(1, auditOf("zhang", "unit-unmerge").size());
    }

    @Test
    void whatCannotBeMergedIs400AndChangesNothing() {
        String before = ApiClient.text(admin.get("/api/units"));
        List<Object> bad = List.of(
                Map.of("names", List.of("临江县财政局党组领导班子"), "into", "中共临江县财政局党组"),
                Map.of("names", List.of("临江县无此局"), "into", "临江县财政局"),
                Map.of("names", List.of("临江县财政局"), "into", "临江县无此局"),
                Map.of("names", List.of(), "into", "临江县财政局"),
                Map.of("names", "临江县财政局", "into", "临江县农业农村局"),
                Map.of("into", "临江县财政局"),
                "{\"names\": [\"临江县财政局\"",
                "[]");
        for (Object body : bad) {
            HttpResponse<byte[]> r = postJson(inspector, "/api/units/merge", body);
            assertEquals(400, r.statusCode(), body + " " + ApiClient.text(r));
            String error = ApiClient.body(r).get("error").asText();
            assertTrue(error.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), error);
        }
        for (Object body : List.<Object>of(Map.of("name", "临江县财政局"), Map.of("name", "临江县无此局"), Map.of())) {
            HttpResponse<byte[]> r = postJson(inspector, "/api/units/unmerge", body);
            assertEquals(400, r.statusCode(), body + " " + ApiClient.text(r));
        }
        assertEquals(before, ApiClient.text(admin.get("/api/units")));
        assertFalse(auditOf("wang", "unit-merge").stream().anyMatch(e -> "临江县无此局".equals(e.target())));
    }

    /** The years of a report's copy sources among the farming units (the finance reports share the boilerplate too). */
    private static Set<Integer> copySourceYears(String reportId) {
        Set<Integer> years = new TreeSet<>();
        ok(admin.get("/api/copies/" + reportId)).get("sources").forEach(src -> {
            if (src.get("unit").asText().startsWith("临江县农业")) {
                years.add(src.get("year").asInt());
            }
        });
        return years;
    }

    private static List<AuditEntry> auditOf(String user, String action) {
        try {
            return app.auth().audit().query(new AuditQuery(user, action, null, null, null, 1, 100)).entries();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
