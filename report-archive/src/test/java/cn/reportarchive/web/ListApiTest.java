package cn.reportarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.ImportMetadata;
import cn.reportarchive.archive.ImportOutcome;
import cn.reportarchive.archive.UnitReports;
import cn.reportarchive.auth.Role;
import cn.reportarchive.extract.ExtractionLimits;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The list a page at a time (GET /api/reports/page, /grid, /export): pages that add up to the whole
 * list without overlap, the three sorts both ways, the pickers' text search over unit, year, author
 * and title, a unit asked for by another of its names, a viewer's units only, the unit × year grid by
 * pages of units, the export of the filtered list, and a Chinese 400 for a bad parameter.
 */
class ListApiTest {
    @TempDir
    static Path data;
    private static Application app;
    private static WebServer server;
    private static ApiClient admin;
    private static ApiClient finance;
    private static final List<String> IMPORTED = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        app = Application.open(data, ExtractionLimits.defaults());
        List<UnitReports.Fixture> all = new ArrayList<>(UnitReports.finance());
        all.addAll(UnitReports.farming());
        all.addAll(UnitReports.audit());
        for (UnitReports.Fixture f : all) {
            ImportOutcome o = app.archive().importFile(f.file(), f.text().getBytes(StandardCharsets.UTF_8),
                    new ImportMetadata(f.typedUnit(), null, null));
            assertEquals(ImportOutcome.Status.IMPORTED, o.status(), o.toString());
            IMPORTED.add(o.id());
            Thread.sleep(5); // import times differ, so the import-date order is the order above
        }
        app.auth().accounts().add("zhang", Role.ADMIN, List.of(), "admin-password-1".toCharArray());
        app.auth().accounts().add("li", Role.VIEWER, List.of("中共临江县财政局党组"), "viewer-password-1".toCharArray());
        server = WebServer.start(app, "127.0.0.1", 0);
        admin = new ApiClient(server.port()).signedIn("zhang", "admin-password-1");
        finance = new ApiClient(server.port()).signedIn("li", "viewer-password-1");
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("reports").forEach(r -> out.add(r.get("id").asText()));
        return out;
    }

    @Test
    void pagesAddUpToTheWholeListInUnitOrder() {
        List<String> seen = new ArrayList<>();
        String previous = "";
        for (int page = 1; page <= 3; page++) {
            JsonNode p = ok(admin.get("/api/reports/page?size=3&page=" + page));
            assertEquals(7, p.get("total").asLong());
            assertEquals(page < 3 ? 3 : 1, p.get("reports").size());
            for (JsonNode r : p.get("reports")) {
                String unit = r.get("unit").asText();
                assertTrue(unit.compareTo(previous) >= 0, unit + " after " + previous);
                previous = unit;
            }
            seen.addAll(ids(p));
        }
        assertEquals(7, new HashSet<>(seen).size(), seen.toString());
        assertEquals(new HashSet<>(IMPORTED), new HashSet<>(seen));
        assertEquals(0, ok(admin.get("/api/reports/page?size=3&page=4")).get("reports").size());
    }

    @Test
    void sortsByYearAndByImportDateBothWays() {
        JsonNode up = ok(admin.get("/api/reports/page?sort=year&size=50"));
        int last = 0;
        for (JsonNode r : up.get("reports")) {
            assertTrue(r.get("year").asInt() >= last, up.toString());
            last = r.get("year").asInt();
        }
        JsonNode down = ok(admin.get("/api/reports/page?sort=year&order=desc&size=50"));
        assertEquals(2023, down.get("reports").get(0).get("year").asInt());
        assertEquals(2021, down.get("reports").get(6).get("year").asInt());

        assertEquals(IMPORTED, ids(ok(admin.get("/api/reports/page?sort=imported&size=50"))));
        List<String> newestFirst = new ArrayList<>(IMPORTED);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst.subList(0, 2), ids(ok(admin.get("/api/reports/page?sort=imported&order=desc&size=2"))));
    }

    @Test
    void findsReportsByUnitYearAuthorAndTitleWords() {
        // what a picker sends as one types: a unit word and a year
        JsonNode p = ok(admin.get("/api/reports/page?text=" + enc("农业 2022")));
        assertEquals(1, p.get("total").asLong(), p.toString());
        assertEquals(2022, p.get("reports").get(0).get("year").asInt());
        assertTrue(p.get("reports").get(0).get("unit").asText().contains("农业"));
        // a word of the title
        assertEquals(1, ok(admin.get("/api/reports/page?text=" + enc("主题教育"))).get("total").asLong());
        // a unit by another of its names, exactly
        JsonNode byAlias = ok(admin.get("/api/reports/page?unit=" + enc("中共临江县财政局党组")));
        assertEquals(2, byAlias.get("total").asLong(), byAlias.toString());
        assertEquals(0, ok(admin.get("/api/reports/page?text=" + enc("不存在的单位"))).get("total").asLong());
    }

    @Test
    void aViewerListsItsOwnUnitOnly() {
        JsonNode p = ok(finance.get("/api/reports/page?size=50"));
        assertEquals(2, p.get("total").asLong(), p.toString());
        Set<String> units = new HashSet<>();
        p.get("reports").forEach(r -> units.add(r.get("unit").asText()));
        assertEquals(1, units.size(), units.toString());
        assertEquals(1, ok(finance.get("/api/reports/grid")).get("units").asLong());
        String csv = ApiClient.text(finance.get("/api/reports/export?format=csv"));
        assertEquals(3, csv.strip().lines().count(), csv); // header and two rows
    }

    @Test
    void theGridComesAPageOfUnitsAtATime() {
        JsonNode all = ok(admin.get("/api/reports/grid?size=50"));
        long units = all.get("units").asLong();
        assertEquals(7, all.get("reports").asLong());
        assertEquals(List.of(2021, 2022, 2023), years(all));
        int cells = 0;
        for (JsonNode row : all.get("rows")) {
            for (JsonNode year : row.get("years")) {
                cells += year.size();
            }
        }
        assertEquals(7, cells, all.toString());
        JsonNode first = ok(admin.get("/api/reports/grid?size=1&page=1"));
        JsonNode second = ok(admin.get("/api/reports/grid?size=1&page=2"));
        assertEquals(1, first.get("rows").size());
        assertEquals(units, first.get("units").asLong());
        assertEquals(List.of(2021, 2022, 2023), years(first), "every page has the years of the whole filter");
        assertTrue(!first.get("rows").get(0).get("unit").asText().equals(second.get("rows").get(0).get("unit").asText()));
        JsonNode y2023 = ok(admin.get("/api/reports/grid?year=2023"));
        assertEquals(List.of(2023), years(y2023));
    }

    @Test
    void exportsTheFilteredListInItsOrder() {
        HttpResponse<byte[]> r = admin.get("/api/reports/export?format=csv&sort=year&order=desc");
        assertEquals(200, r.statusCode(), ApiClient.text(r));
        List<String> lines = ApiClient.text(r).strip().lines().toList();
        assertEquals(8, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains("2023"), lines.get(1));
        assertTrue(lines.get(7).contains("2021"), lines.get(7));
        HttpResponse<byte[]> xlsx = admin.get("/api/reports/export?year=2022");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
    }

    @Test
    void badParametersAreRefusedInChinese() {
        for (String q : List.of("sort=title", "order=up", "size=0", "size=501", "page=0", "year=abc")) {
            HttpResponse<byte[]> r = admin.get("/api/reports/page?" + q);
            assertEquals(400, r.statusCode(), q + ": " + ApiClient.text(r));
            assertTrue(ApiClient.body(r).get("error").asText().matches(".*\\p{IsHan}.*"), ApiClient.text(r));
        }
        assertEquals(400, admin.get("/api/reports/export?format=pdf").statusCode());
    }

    private static List<Integer> years(JsonNode grid) {
        List<Integer> out = new ArrayList<>();
        grid.get("years").forEach(y -> out.add(y.asInt()));
        return out;
    }
}
