package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.DataDirectory;
import cn.reportarchive.archive.UnitReports;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.AuthStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Units as identities on the command line (issue 13, item 1; issue 14, finding 17): a unit typed
 * one way and read another is one unit for compare, repeats, list, search and facets, whichever of
 * its names is typed; {@code units merge} and {@code unmerge} take effect at once, survive reindex
 * and a restart (every command opens the archive afresh), and are audited; an archive from before
 * the directory is brought in on open.
 */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class UnitsCommandTest {
    private static final List<String> FINANCE_NAMES = List.of("临江县财政局", "中共临江县财政局党组", "临江县财政局党组领导班子",
            "临江县 财政局", "中共临江县财政局委员会");

    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void importFixtures() {
        data = tmp.resolve("data").toString();
        List<UnitReports.Fixture> all = new ArrayList<>(UnitReports.finance());
        all.addAll(UnitReports.audit());
        importAll(all, data, tmp.resolve("in"));
    }

    static void importAll(List<UnitReports.Fixture> fixtures, String dataDir, Path in) {
        for (UnitReports.Fixture f : fixtures) {
            Path file = f.writeTo(in);
            CliRunner.Result r = f.typedUnit() == null ? CliRunner.run("import", file.toString(), "--data", dataDir)
                    : CliRunner.run("import", file.toString(), "--unit", f.typedUnit(), "--data", dataDir);
            assertEquals(0, r.code(), f.file() + ": " + r.err());
        }
    }

    private static JsonNode json(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r.json();
    }

    private static JsonNode unit(String dataDir, String shown) {
        for (JsonNode u : json("units", "--data", dataDir, "--json")) {
            if (u.get("unit").asText().equals(shown)) {
                return u;
            }
        }
        return null;
    }

    private static Set<String> keys(JsonNode object) {
        return new TreeSet<>(CliRunner.fieldNames(object));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aTypedNameAndAHeaderNameAreOneUnit() {
        JsonNode units = json("units", "--data", data, "--json");
        List<String> shown = new ArrayList<>();
        units.forEach(u -> shown.add(u.get("unit").asText()));
        assertEquals(List.of("临江县财政局", "临江县审计局").stream().sorted().toList(), shown.stream().sorted().toList());
        JsonNode finance = unit(data, "临江县财政局");
        assertEquals(2, finance.get("reports").asInt());
        assertEquals("[2022,2023]", finance.get("years").toString());
        assertEquals(Set.of("中共临江县财政局党组", "临江县财政局党组领导班子"), strings(finance.get("aliases")));
        // each name with the years it was used: the typed one in 2022, the header's in 2023
        for (JsonNode n : finance.get("names")) {
            String expected = n.get("name").asText().startsWith("中共") ? "[2022]" : "[2023]";
            assertEquals(expected, n.get("years").toString(), n.toString());
            assertEquals(1, n.get("reports").asInt());
        }
    }

    @Test
    void compareAndRepeatsWorkWhicheverNameIsTyped() {
        for (String name : FINANCE_NAMES) {
            JsonNode c = json("compare", "--unit", name, "--from", "2022", "--to", "2023", "--data", data, "--json");
            assertEquals("临江县财政局", c.get("unit").asText(), name);
            assertEquals(2022, c.get("from").get("year").asInt(), name);
            assertEquals(2023, c.get("to").get("year").asInt(), name);
            assertTrue(c.get("repeats").size() >= 2, name + ": the restated problems are found");
            JsonNode h = json("repeats", "--unit", name, "--data", data, "--json");
            JsonNode chain = h.get("chains").get(0);
            assertEquals("[2022,2023]", chain.get("years").toString(), name);
        }
    }

    @Test
    void listAndSearchByAnyNameFindBothReportsAndFacetsCountOneUnit() {
        for (String name : FINANCE_NAMES) {
            JsonNode list = json("list", "--unit", name, "--data", data, "--json");
            assertEquals(2, list.size(), name);
            list.forEach(r -> assertEquals("临江县财政局", r.get("unit").asText()));
            JsonNode found = json("search", "学习", "--unit", name, "--data", data, "--json");
            Set<Integer> years = new TreeSet<>();
            found.get("reports").forEach(r -> years.add(r.get("year").asInt()));
            assertEquals(Set.of(2022, 2023), years, name + ": the typed and the read report both match");
            JsonNode byQuery = json("search", "学习 unit:\"" + name + "\"", "--data", data, "--json");
            assertEquals(found.get("total"), byQuery.get("total"), name);
        }
        JsonNode all = json("search", "学习", "--data", data, "--json");
        assertEquals(Set.of("临江县财政局", "临江县审计局"), keys(all.get("facets").get("unit")));
    }

    @Test
    void aNameWithSpacesInsideIsComparedLikeAnyOther() {
        // finding 17: 临江县 审计局 was typed with a space, 中共临江县审计局党组 read from the header
        for (String name : List.of("临江县 审计局", "临江县审计局", " 临江县审计局 ", "临江县\u3000审计局")) {
            JsonNode c = json("compare", "--unit", name, "--from", "2022", "--to", "2023", "--data", data, "--json");
            assertEquals("临江县审计局", c.get("unit").asText(), name);
            assertFalse(c.get("repeats").isEmpty(), name);
        }
    }

    @Test
    void refusedMergesSayWhyAndChangeNothing() {
        String before = CliRunner.run("units", "--data", data, "--json").out();
        for (String[] args : List.of(
                new String[] {"units", "merge", "临江县财政局党组领导班子", "--into", "中共临江县财政局党组"},
                new String[] {"units", "merge", "临江县不存在局", "--into", "临江县财政局"},
                new String[] {"units", "merge", "临江县审计局", "--into", "临江县不存在局"},
                new String[] {"units", "unmerge", "临江县财政局"},
                new String[] {"units", "unmerge", "临江县不存在局"})) {
            List<String> full = new ArrayList<>(List.of(args));
            full.addAll(List.of("--data", data));
            CliRunner.Result r = CliRunner.run(full.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(CliRunner.hasHan(r.err()) && !CliRunner.looksLikeStackTrace(r.err()), r.err());
        }
        assertEquals(before, CliRunner.run("units", "--data", data, "--json").out());
    }

    @Test
    void aRenamedUnitIsMergedAndUnmergedAtOnceForEveryCommand(@TempDir Path own) throws Exception {
        String farm = own.resolve("data").toString();
        importAll(UnitReports.farming(), farm, own.resolve("in"));
        assertEquals("[2021,2022]", unit(farm, "临江县农业局").get("years").toString());
        assertEquals(1, CliRunner.run("compare", "--unit", "临江县农业局", "--from", "2022", "--to", "2023", "--data", farm).code());

        JsonNode merged = json("units", "merge", "临江县农业局", "--into", "临江县农业农村局", "--data", farm, "--json");
        assertEquals("临江县农业农村局", merged.get("unit").asText());
        assertEquals(3, merged.get("reports").asInt());
        assertEquals("[2021,2022,2023]", merged.get("years").toString());
        assertEquals(Set.of("中共临江县农业局党组", "临江县农业局党组领导班子", "中共临江县农业农村局党组"), strings(merged.get("aliases")));
        assertEquals(null, unit(farm, "临江县农业局"), "the old unit is listed no more");
        for (String name : List.of("临江县农业局", "中共临江县农业局党组", "临江县农业农村局")) {
            assertEquals(3, json("list", "--unit", name, "--data", farm, "--json").size(), name);
            JsonNode c = json("compare", "--unit", name, "--from", "2022", "--to", "2023", "--data", farm, "--json");
            assertFalse(c.get("repeats").isEmpty(), name + ": the renamed unit restated its problem");
            JsonNode chain = json("repeats", "--unit", name, "--data", farm, "--json").get("chains").get(0);
            assertEquals("[2021,2022,2023]", chain.get("years").toString(), name);
        }
        JsonNode found = json("search", "乡村振兴", "--data", farm, "--json");
        assertEquals(Set.of("临江县农业农村局"), keys(found.get("facets").get("unit")));

        // a reindex parses every original again: the merge holds
        assertEquals(0, CliRunner.run("reindex", "--data", farm).code());
        assertEquals(3, json("list", "--unit", "临江县农业局", "--data", farm, "--json").size());

        // a later report under the old name joins the merged unit
        UnitReports.Fixture late = UnitReports.farmingLate();
        CliRunner.Result imported = CliRunner.run("import", late.writeTo(own.resolve("late")).toString(),
                "--unit", late.typedUnit(), "--data", farm);
        assertEquals(0, imported.code(), imported.err());
        assertEquals(4, json("list", "--unit", "临江县农业农村局", "--data", farm, "--json").size());

        JsonNode restored = json("units", "unmerge", "中共临江县农业局党组", "--data", farm, "--json");
        assertEquals("临江县农业局", restored.get("unit").asText());
        assertEquals("[2020,2021,2022]", restored.get("years").toString());
        assertEquals(3, json("list", "--unit", "临江县农业局", "--data", farm, "--json").size());
        assertEquals(1, json("list", "--unit", "临江县农业农村局", "--data", farm, "--json").size());
        assertEquals(1, CliRunner.run("compare", "--unit", "临江县农业局", "--from", "2022", "--to", "2023", "--data", farm).code());
        JsonNode again = json("search", "乡村振兴", "--data", farm, "--json");
        assertEquals(Set.of("临江县农业局", "临江县农业农村局"), keys(again.get("facets").get("unit")));

        try (AuthStore store = Application.openAuth(Path.of(farm))) {
            List<AuditEntry> entries = store.audit().query(AuditQuery.all()).entries();
            AuditEntry merge = entries.stream().filter(e -> e.action().equals("unit-merge")).findFirst().orElseThrow();
            AuditEntry unmerge = entries.stream().filter(e -> e.action().equals("unit-unmerge")).findFirst().orElseThrow();
            assertEquals("临江县农业农村局", merge.target());
            assertTrue(merge.detail().get("before").toString().contains("临江县农业局党组领导班子"), merge.detail().toString());
            assertTrue(merge.detail().get("after").toString().contains("中共临江县农业局党组"), merge.detail().toString());
            assertEquals("临江县农业局", unmerge.target());
            assertTrue(unmerge.detail().get("after").toString().contains("临江县农业局"), unmerge.detail().toString());
        }
    }

    @Test
    void metadataCsvNamesResolveAndAMergeTravelsInABackup(@TempDir Path own) throws Exception {
        Path in = own.resolve("in");
        UnitReports.farming().forEach(f -> f.writeTo(in));
        // the 2023 report typed under yet another name in the folder's metadata.csv
        java.nio.file.Files.writeString(in.resolve("metadata.csv"),
                "file,unit,year,author\nnyncj-2023.txt,临江县农业农村局党组领导班子,,\n");
        String farm = own.resolve("data").toString();
        assertEquals(0, CliRunner.run("import", in.toString(), "--data", farm).code());
        JsonNode renamed = unit(farm, "临江县农业农村局");
        assertEquals(Set.of("临江县农业农村局党组领导班子"), strings(renamed.get("aliases")));
        json("units", "merge", "临江县农业局", "--into", "临江县农业农村局", "--data", farm, "--json");

        String zip = own.resolve("backup.zip").toString();
        CliRunner.Result backup = CliRunner.run("backup", zip, "--data", farm);
        assertEquals(0, backup.code(), backup.err());
        String restored = own.resolve("restored").toString();
        CliRunner.Result restore = CliRunner.run("restore", zip, "--data", restored);
        assertEquals(0, restore.code(), restore.err());
        assertEquals(CliRunner.run("units", "--data", farm, "--json").out(), CliRunner.run("units", "--data", restored, "--json").out());
        assertEquals(3, json("list", "--unit", "中共临江县农业局党组", "--data", restored, "--json").size());
        JsonNode found = json("search", "乡村振兴", "--data", restored, "--json");
        assertEquals(Set.of("临江县农业农村局"), keys(found.get("facets").get("unit")));
        assertEquals("临江县农业局", json("units", "unmerge", "临江县农业局", "--data", restored, "--json").get("unit").asText());
        assertEquals(2, json("list", "--unit", "临江县农业局", "--data", restored, "--json").size());
    }

    @Test
    void anArchiveFromBeforeTheDirectoryIsBroughtInOnOpen(@TempDir Path own) throws Exception {
        String old = own.resolve("data").toString();
        importAll(UnitReports.finance(), old, own.resolve("in"));
        // as the archive stood before: the typed name stored as typed, no directory, the index built from the rows
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + new DataDirectory(Path.of(old)).catalog());
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE reports SET unit = given_unit, report_json = json_set(report_json, '$.unit', given_unit)"
                    + " WHERE given_unit IS NOT NULL");
            for (String table : List.of("unit_units", "unit_names", "unit_uses", "unit_state")) {
                s.execute("DROP TABLE " + table);
            }
            s.executeUpdate("INSERT OR REPLACE INTO archive_state (key, value) VALUES ('index_stale', '1')");
        }
        JsonNode finance = unit(old, "临江县财政局");
        assertEquals(2, finance.get("reports").asInt());
        // the old archive kept the header's name reduced already, and the typed one as typed
        assertEquals(Set.of("中共临江县财政局党组", "临江县财政局"), strings(finance.get("aliases")));
        JsonNode found = json("search", "学习", "--data", old, "--json");
        assertEquals(Set.of("临江县财政局"), keys(found.get("facets").get("unit")));
        assertEquals(2, json("list", "--unit", "中共临江县财政局党组", "--data", old, "--json").size());
    }
}
