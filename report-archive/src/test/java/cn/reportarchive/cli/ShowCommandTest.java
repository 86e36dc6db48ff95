package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ShowCommandTest {
    private static final List<String> REPORT_KEYS = List.of("id", "title", "year", "unit", "author", "post", "kind",
            "meeting", "sha256", "filename", "mediaType", "sections");
    private static final Set<String> SECTION_TYPES = Set.of("rectification", "problems", "causes", "measures",
            "other");

    @TempDir
    static Path tmp;
    static String data;
    static String teamId;
    static String personalId;
    static Path teamFile;

    @BeforeAll
    static void importSamples() {
        data = tmp.resolve("data").toString();
        List<Path> files = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt",
                "qingshan-scjg-zhoulixin-2024.docx");
        teamFile = files.get(0);
        CliRunner.Result r = CliRunner.run("import", files.get(0).toString(), files.get(1).toString(), "--data", data,
                "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        teamId = r.jsonLines().get(0).get("id").asText();
        personalId = r.jsonLines().get(1).get("id").asText();
    }

    @Test
    void jsonHasTheFixedReportFields() throws Exception {
        CliRunner.Result r = CliRunner.run("show", teamId, "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = r.json();
        assertTrue(CliRunner.fieldNames(report).containsAll(REPORT_KEYS), CliRunner.fieldNames(report).toString());
        assertEquals(teamId, report.get("id").asText());
        assertEquals("2022年度民主生活会对照检查材料", report.get("title").asText());
        assertEquals(2022, report.get("year").asInt());
        assertEquals("云溪镇", report.get("unit").asText());
        assertTrue(report.get("author").isNull());
        assertEquals("team", report.get("kind").asText());
        assertEquals("民主生活会", report.get("meeting").asText());
        assertEquals("yunxi-dw-2022.txt", report.get("filename").asText());
        assertEquals("text/plain", report.get("mediaType").asText());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(teamFile)));
        assertEquals(sha, report.get("sha256").asText());
    }

    @Test
    void sectionsBlocksAndItemsHaveTheFixedShape() {
        JsonNode report = CliRunner.run("show", teamId, "--data", data, "--json").json();
        JsonNode sections = report.get("sections");
        assertTrue(sections.isArray());
        // answer-key.json: problems (6 blocks), causes (4), measures (6)
        assertTrue(sections.size() >= 3, sections.toString());
        assertEquals("problems", sections.get(0).get("type").asText());
        assertEquals(6, sections.get(0).get("blocks").size());
        assertEquals("causes", sections.get(1).get("type").asText());
        assertEquals(4, sections.get(1).get("blocks").size());
        assertEquals("measures", sections.get(2).get("type").asText());
        assertEquals(6, sections.get(2).get("blocks").size());
        int items = 0;
        for (JsonNode section : sections) {
            assertTrue(SECTION_TYPES.contains(section.get("type").asText()), section.get("type").toString());
            assertTrue(section.get("heading").isTextual(), section.toString());
            for (JsonNode block : section.get("blocks")) {
                assertTrue(CliRunner.fieldNames(block).containsAll(List.of("heading", "aspect", "intro", "items")),
                        CliRunner.fieldNames(block).toString());
                assertTrue(block.get("heading").isNull() || block.get("heading").isTextual());
                assertTrue(block.get("aspect").isNull() || block.get("aspect").isTextual());
                assertTrue(block.get("intro").isTextual(), "intro is text, possibly empty: " + block);
                int n = 0;
                for (JsonNode item : block.get("items")) {
                    assertTrue(CliRunner.fieldNames(item).containsAll(List.of("n", "text")), item.toString());
                    assertEquals(++n, item.get("n").asInt(), "items are counted from 1: " + block);
                    assertFalse(item.get("text").asText().isBlank());
                    items++;
                }
            }
        }
        assertTrue(items > 20, "items: " + items);
        JsonNode firstBlock = sections.get(0).get("blocks").get(0);
        assertEquals("political", firstBlock.get("aspect").asText());
        assertEquals(2, firstBlock.get("items").size());
        assertTrue(firstBlock.get("items").get(0).get("text").asText().contains("学习宣传党的二十大精神往村组延伸不够"));
    }

    @Test
    void personalReportHasItsAuthor() {
        JsonNode report = CliRunner.run("show", personalId, "--data", data, "--json").json();
        assertEquals("personal", report.get("kind").asText());
        assertEquals("周立新", report.get("author").asText());
        assertEquals(2024, report.get("year").asInt());
        assertEquals("青山区市场监督管理局", report.get("unit").asText());
    }

    @Test
    void unknownIdGivesAChineseErrorAndNonZeroExit() {
        CliRunner.Result r = CliRunner.run("show", "0000000000000000", "--data", data, "--json");
        assertNotEquals(0, r.code());
        assertEquals("", r.out().strip(), "nothing on stdout");
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(CliRunner.hasHan(r.err()), r.err());
        assertTrue(r.err().contains("0000000000000000"), r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }
}
