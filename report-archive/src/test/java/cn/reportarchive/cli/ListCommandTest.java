package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
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
class ListCommandTest {
    static final List<String> SUMMARY_KEYS = List.of("id", "title", "year", "unit", "author", "post", "kind",
            "meeting", "sha256", "filename", "mediaType");

    @TempDir
    static Path tmp;
    static String data;

    @BeforeAll
    static void importSamples() {
        data = CliRunner.importSamples(tmp, "yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx",
                "qingshan-scjg-zhoulixin-2024.docx");
    }

    private static Set<String> filenames(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(s -> names.add(s.get("filename").asText()));
        return names;
    }

    @Test
    void jsonIsAnArrayOfSummariesWithoutSections() {
        CliRunner.Result r = CliRunner.run("list", "--data", data, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode array = r.json();
        assertTrue(array.isArray(), r.out());
        assertEquals(4, array.size(), r.out());
        Set<String> ids = new HashSet<>();
        for (JsonNode summary : array) {
            List<String> keys = CliRunner.fieldNames(summary);
            assertTrue(keys.containsAll(SUMMARY_KEYS), "missing keys in " + keys);
            assertFalse(keys.contains("sections"), "a summary has no sections: " + keys);
            assertTrue(summary.get("sha256").asText().matches("[0-9a-f]{64}"), summary.toString());
            assertTrue(Set.of("team", "personal", "unknown").contains(summary.get("kind").asText()),
                    summary.toString());
            ids.add(summary.get("id").asText());
        }
        assertEquals(4, ids.size());
        assertEquals(Set.of("yunxi-dw-2022.txt", "qingshan-scjg-2023.txt", "linjiang-czj-2022.docx",
                "qingshan-scjg-zhoulixin-2024.docx"), filenames(array));
    }

    @Test
    void summaryMatchesTheReportItSummarises() {
        JsonNode array = CliRunner.run("list", "--data", data, "--json").json();
        for (JsonNode summary : array) {
            JsonNode report = CliRunner.run("show", summary.get("id").asText(), "--data", data, "--json").json();
            for (String key : SUMMARY_KEYS) {
                assertEquals(report.get(key), summary.get(key), key + " of " + summary.get("filename"));
            }
        }
    }

    @Test
    void filtersByUnit() {
        JsonNode array = CliRunner.run("list", "--data", data, "--unit", "青山区市场监督管理局", "--json").json();
        assertEquals(Set.of("qingshan-scjg-2023.txt", "qingshan-scjg-zhoulixin-2024.docx"), filenames(array));
        array.forEach(s -> assertEquals("青山区市场监督管理局", s.get("unit").asText()));
    }

    @Test
    void filtersByYear() {
        JsonNode array = CliRunner.run("list", "--data", data, "--year", "2022", "--json").json();
        assertEquals(Set.of("yunxi-dw-2022.txt", "linjiang-czj-2022.docx"), filenames(array));
        array.forEach(s -> assertEquals(2022, s.get("year").asInt()));
    }

    @Test
    void filtersByUnitAndYearTogether() {
        JsonNode array = CliRunner.run("list", "--data", data, "--unit", "青山区市场监督管理局", "--year", "2024",
                "--json").json();
        assertEquals(Set.of("qingshan-scjg-zhoulixin-2024.docx"), filenames(array));
    }

    @Test
    void noMatchIsAnEmptyArray() {
        CliRunner.Result r = CliRunner.run("list", "--data", data, "--unit", "不存在的单位", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.json().isArray());
        assertEquals(0, r.json().size());
    }
}
