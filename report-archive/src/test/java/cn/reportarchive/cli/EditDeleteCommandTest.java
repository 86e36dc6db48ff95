package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.reportarchive.Application;
import cn.reportarchive.archive.AuditReports;
import cn.reportarchive.auth.AuditEntry;
import cn.reportarchive.auth.AuditQuery;
import cn.reportarchive.auth.AuthStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * edit and delete on the command line: exit codes and sentences for bad values and unknown ids, the
 * corrected report in --json, corrections kept by reindex, the audit entries, verify clean after a
 * delete; and an import without unit or year marked and kept out of copies until corrected.
 */
@Tag("integration")
class EditDeleteCommandTest {
    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    private String importFile(String name, byte[] bytes) throws Exception {
        Path dir = tmp.resolve("in-" + name);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), bytes);
        CliRunner.Result r = CliRunner.run("import", dir.toString(), "--data", data(), "--json");
        assertEquals(0, r.code(), r.err());
        return r.jsonLines().get(0).get("id").asText();
    }

    @Test
    void badValuesAndUnknownIdsChangeNothing() throws Exception {
        String id = importFile("shenji-2023.txt", AuditReports.genuine());
        String before = CliRunner.run("show", id, "--json", "--data", data()).out();
        for (String[] bad : List.of(new String[] {"--year", "1850"}, new String[] {"--year", "二〇二一年的某天"},
                new String[] {"--unit", "\u0001\u0002"}, new String[] {"--kind", "committee"},
                new String[] {"--aspect", "problems/1=astrology"}, new String[] {"--aspect", "nonsense"},
                new String[] {"--aspect", "problems/9=theory"}, new String[] {})) {
            String[] args = new String[bad.length + 4];
            args[0] = "edit";
            args[1] = id;
            System.arraycopy(bad, 0, args, 2, bad.length);
            args[bad.length + 2] = "--data";
            args[bad.length + 3] = data();
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(2, r.code(), String.join(" ", bad) + ": " + r.err());
            assertTrue(CliRunner.hasHan(r.err()) && r.errLines().size() == 1, r.err());
            assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
        }
        assertEquals(before, CliRunner.run("show", id, "--json", "--data", data()).out());
        CliRunner.Result unknown = CliRunner.run("edit", "0000000000000000", "--year", "2021", "--data", data());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("0000000000000000"), unknown.err());
        assertEquals(1, CliRunner.run("delete", "0000000000000000", "--data", data()).code());
    }

    @Test
    void aCorrectionIsShownAuditedAndKeptByReindex() throws Exception {
        String id = importFile("shenji-2023.txt", AuditReports.genuine());
        CliRunner.Result edit = CliRunner.run("edit", id, "--year", "2022", "--post", "党组书记、局长",
                "--aspect", "problems/1=工作作风", "--json", "--data", data());
        assertEquals(0, edit.code(), edit.err());
        JsonNode report = edit.json();
        assertEquals(2022, report.get("year").asInt());
        assertEquals("党组书记、局长", report.get("post").asText());
        JsonNode corrections = report.get("corrections");
        assertEquals(3, corrections.size(), corrections.toString());
        JsonNode year = null;
        for (JsonNode c : corrections) {
            assertEquals(List.of("field", "ref", "original", "value", "by", "at"), CliRunner.fieldNames(c));
            if (c.get("field").asText().equals("year")) {
                year = c;
            }
            if (c.get("field").asText().equals("aspect")) {
                assertEquals("problems/1", c.get("ref").asText());
                assertEquals("style", c.get("value").asText());
            }
        }
        assertEquals("2023", year.get("original").asText());
        assertEquals("2022", year.get("value").asText());
        assertTrue(year.get("ref").isNull());

        assertEquals(0, CliRunner.run("reindex", "--data", data()).code());
        JsonNode shown = CliRunner.run("show", id, "--json", "--data", data()).json();
        assertEquals(2022, shown.get("year").asInt());
        assertEquals("style", shown.get("sections").get(0).get("blocks").get(0).get("aspect").asText());
        assertEquals(3, shown.get("corrections").size());
        assertEquals(1, CliRunner.run("list", "--year", "2022", "--json", "--data", data()).json().size());
        String text = CliRunner.run("show", id, "--data", data()).out();
        assertTrue(text.contains("年度：2022（更正；原文识别为 2023）"), text);

        try (AuthStore auth = Application.openAuth(Path.of(data()))) {
            List<AuditEntry> entries = auth.audit().query(new AuditQuery(null, "correct", id, null, null, 1, 10)).entries();
            assertEquals(1, entries.size());
            String detail = CliRunner.JSON.writeValueAsString(entries.get(0).detail());
            assertTrue(detail.contains("\"before\":\"2023\"") && detail.contains("\"after\":\"2022\""), detail);
        }
    }

    @Test
    void anIncompleteImportIsMarkedAndKeptOutOfCopiesUntilCorrected() throws Exception {
        String real = importFile("shenji-2023.txt", AuditReports.genuine());
        Path dir = tmp.resolve("in-scan");
        Files.createDirectories(dir);
        Files.write(dir.resolve("scan.txt"), AuditReports.incomplete());
        CliRunner.Result imported = CliRunner.run("import", dir.toString(), "--data", data(), "--json");
        assertEquals(0, imported.code(), imported.err());
        String part = imported.jsonLines().get(0).get("id").asText();
        // said at the end of the import, with the command that completes it
        assertTrue(imported.err().contains("没有识别出单位和年度") && imported.err().contains("edit " + part + " --unit"),
                imported.err());
        JsonNode shown = CliRunner.run("show", part, "--json", "--data", data()).json();
        String warnings = shown.get("warnings").toString();
        assertTrue(warnings.contains("no-unit") && warnings.contains("no-year"), warnings);
        CliRunner.Result copies = CliRunner.run("copies", "--json", "--data", data());
        assertEquals(0, copies.code(), copies.err());
        assertEquals(0, copies.json().get("pairs").size(), copies.out());

        assertEquals(0, CliRunner.run("edit", part, "--unit", "青山县审计局", "--year", "2024", "--data", data()).code());
        JsonNode pairs = CliRunner.run("copies", "--json", "--data", data()).json().get("pairs");
        assertEquals(1, pairs.size(), pairs.toString());
        assertEquals(part, pairs.get(0).get("copy").get("reportId").asText());
        assertEquals(real, pairs.get(0).get("source").get("reportId").asText());
    }

    @Test
    void deleteRemovesTheReportIsAuditedAndVerifyIsCleanAfterwards() throws Exception {
        String real = importFile("shenji-2023.txt", AuditReports.genuine());
        String copy = importFile("qingshan-2024.txt",
                AuditReports.text("中共青山县审计局党组", "青山县审计局党组领导班子2024年度民主生活会对照检查材料"));
        assertEquals(0, CliRunner.run("edit", copy, "--title", "青山县审计局2024年对照检查材料", "--data", data()).code());
        assertEquals(1, CliRunner.run("copies", "--json", "--data", data()).json().get("pairs").size());
        CliRunner.Result deleted = CliRunner.run("delete", copy, "--data", data());
        assertEquals(0, deleted.code(), deleted.err());
        assertEquals(1, CliRunner.run("show", copy, "--data", data()).code());
        assertEquals(1, CliRunner.run("list", "--json", "--data", data()).json().size());
        assertEquals(0, CliRunner.run("copies", "--json", "--data", data()).json().get("pairs").size());
        assertEquals(0, CliRunner.run("search", "大数据审计", "--unit", "青山县审计局", "--json", "--data", data())
                .json().get("total").asInt());
        CliRunner.Result verify = CliRunner.run("verify", "--data", data());
        assertEquals(0, verify.code(), verify.out() + verify.err());
        try (AuthStore auth = Application.openAuth(Path.of(data()))) {
            List<AuditEntry> entries = auth.audit().query(new AuditQuery(null, "delete", copy, null, null, 1, 10)).entries();
            assertEquals(1, entries.size());
            assertTrue(entries.get(0).address().contains("命令行"));
        }
        assertEquals(1, CliRunner.run("list", "--json", "--data", data()).json().size());
        assertEquals(real, CliRunner.run("list", "--json", "--data", data()).json().get(0).get("id").asText());
    }
}
