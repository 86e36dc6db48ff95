package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class ImportCommandTest {
    private static final List<String> LINE_KEYS = List.of("file", "status", "id", "error");

    @TempDir
    Path tmp;

    private String data() {
        return tmp.resolve("data").toString();
    }

    @Test
    void jsonPrintsOneObjectPerFileWithExactlyTheFixedKeys() {
        List<Path> files = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt", "linjiang-czj-2022.docx");

        CliRunner.Result r = CliRunner.run("import", files.get(0).toString(), files.get(1).toString(),
                "--data", data(), "--json");

        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), r.out());
        List<JsonNode> objects = r.jsonLines();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            assertTrue(o.isObject(), lines.get(i));
            assertEquals(new HashSet<>(LINE_KEYS), new HashSet<>(CliRunner.fieldNames(o)), lines.get(i));
            assertEquals("imported", o.get("status").asText());
            assertTrue(o.get("id").isTextual() && !o.get("id").asText().isBlank(), lines.get(i));
            assertTrue(o.get("error").isNull(), lines.get(i));
            assertTrue(o.get("file").asText().endsWith(files.get(i).getFileName().toString()), lines.get(i));
        }
        assertFalse(objects.get(0).get("id").asText().equals(objects.get(1).get("id").asText()));
    }

    @Test
    void importingTheSameFileTwiceIsADuplicateWithTheSameId() throws Exception {
        Path file = CliRunner.copySamples(tmp.resolve("in"), "qingshan-scjg-2023.txt").get(0);
        CliRunner.Result first = CliRunner.run("import", file.toString(), "--data", data(), "--json");
        assertEquals(0, first.code(), first.err());
        String id = first.jsonLines().get(0).get("id").asText();
        assertEquals("imported", first.jsonLines().get(0).get("status").asText());

        // Same bytes under another name count as the same report too.
        Path renamed = Files.copy(file, tmp.resolve("in").resolve("copy-of-report.txt"));
        CliRunner.Result second = CliRunner.run("import", file.toString(), renamed.toString(), "--data", data(),
                "--json");

        assertEquals(0, second.code(), second.err());
        List<JsonNode> lines = second.jsonLines();
        assertEquals(2, lines.size(), second.out());
        for (JsonNode line : lines) {
            assertEquals("duplicate", line.get("status").asText(), line.toString());
            assertEquals(id, line.get("id").asText(), line.toString());
            assertTrue(line.get("error").isNull(), line.toString());
        }
        CliRunner.Result list = CliRunner.run("list", "--data", data(), "--json");
        assertEquals(1, list.json().size(), list.out());
    }

    @Test
    void folderIsImportedRecursivelyAndOneBadFileFailsOnlyItself() throws Exception {
        Path folder = tmp.resolve("folder");
        CliRunner.copySamples(folder, "yunxi-dw-2022.txt");
        CliRunner.copySamples(folder.resolve("sub").resolve("deeper"), "linjiang-czj-2022.docx");
        Path bad = folder.resolve("sub").resolve("broken.docx");
        Files.write(bad, "PK\u0003\u0004 这不是一个真正的 Word 文件".getBytes(StandardCharsets.UTF_8));
        // Not documents: passed over when walking a folder.
        Files.writeString(folder.resolve("notes.xlsx"), "x");
        Files.writeString(folder.resolve("~$lock.docx"), "x");

        CliRunner.Result r = CliRunner.run("import", folder.toString(), "--data", data(), "--json");

        assertEquals(1, r.code(), r.out() + r.err());
        Map<String, JsonNode> byName = r.jsonLines().stream().collect(Collectors.toMap(
                o -> Path.of(o.get("file").asText()).getFileName().toString(), Function.identity()));
        assertEquals(Set.of("yunxi-dw-2022.txt", "linjiang-czj-2022.docx", "broken.docx"), byName.keySet(), r.out());
        assertEquals("imported", byName.get("yunxi-dw-2022.txt").get("status").asText());
        assertEquals("imported", byName.get("linjiang-czj-2022.docx").get("status").asText());
        JsonNode failed = byName.get("broken.docx");
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("id").isNull(), failed.toString());
        String reason = failed.get("error").asText();
        assertTrue(CliRunner.hasHan(reason), "reason should be Chinese: " + reason);
        assertTrue(r.err().contains("broken.docx"), r.err());
        assertTrue(r.err().contains(reason), "the stderr summary should give the reason: " + r.err());
        assertTrue(r.err().contains("失败"), r.err());

        CliRunner.Result list = CliRunner.run("list", "--data", data(), "--json");
        assertEquals(0, list.code(), list.err());
        Set<String> listed = new HashSet<>();
        list.json().forEach(s -> listed.add(s.get("filename").asText()));
        assertEquals(Set.of("yunxi-dw-2022.txt", "linjiang-czj-2022.docx"), listed);
    }

    @Test
    void emptyFileFailsWithAChineseReasonAndExitCodeOne() throws Exception {
        Path good = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt").get(0);
        Path empty = Files.createFile(tmp.resolve("in").resolve("empty.txt"));

        CliRunner.Result r = CliRunner.run("import", empty.toString(), good.toString(), "--data", data(), "--json");

        assertEquals(1, r.code(), r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(2, lines.size(), r.out());
        assertEquals("failed", lines.get(0).get("status").asText());
        assertTrue(CliRunner.hasHan(lines.get(0).get("error").asText()), lines.get(0).toString());
        assertEquals("imported", lines.get(1).get("status").asText());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), r.err());
    }

    @Test
    void explicitUnitYearAndAuthorWinOverTheText() {
        List<Path> files = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt",
                "qingshan-scjg-zhoulixin-2024.docx");

        CliRunner.Result r = CliRunner.run("import", files.get(0).toString(), files.get(1).toString(), "--data",
                data(), "--json", "--unit", "测试县测试局", "--year", "2019", "--author", "张三");

        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.jsonLines().size(), r.out());
        for (JsonNode line : r.jsonLines()) {
            JsonNode report = CliRunner.run("show", line.get("id").asText(), "--data", data(), "--json").json();
            assertEquals("测试县测试局", report.get("unit").asText(), line.toString());
            assertEquals(2019, report.get("year").asInt(), line.toString());
            assertEquals("张三", report.get("author").asText(), "over 周立新 too: " + line);
        }

        JsonNode listed = CliRunner.run("list", "--data", data(), "--unit", "测试县测试局", "--year", "2019",
                "--json").json();
        assertEquals(2, listed.size(), listed.toString());
        assertEquals(0, CliRunner.run("list", "--data", data(), "--unit", "云溪镇", "--json").json().size());
        assertEquals(0, CliRunner.run("list", "--data", data(), "--year", "2022", "--json").json().size());

        JsonNode found = CliRunner.run("search", "信访", "--data", data(), "--json").json();
        assertTrue(found.get("total").asInt() > 0, found.toString());
        for (JsonNode hit : found.get("hits")) {
            assertEquals("测试县测试局", hit.get("unit").asText());
            assertEquals(2019, hit.get("year").asInt());
            assertEquals("张三", hit.get("author").asText());
        }
        assertEquals(found.get("total").asInt(), found.get("facets").get("year").get("2019").asInt());
    }

    @Test
    void explicitUnitWinsOverTheFoldersMetadataCsv() {
        Path folder = tmp.resolve("folder");
        CliRunner.copySamples(folder, "linjiang-sjj-2022.txt", "metadata.csv");
        CliRunner.Result plain = CliRunner.run("import", folder.toString(), "--data", data(), "--json");
        assertEquals(0, plain.code(), plain.err());
        String id = plain.jsonLines().get(0).get("id").asText();
        assertEquals("临江县审计局", CliRunner.run("show", id, "--data", data(), "--json").json().get("unit").asText());

        String other = tmp.resolve("other").toString();
        CliRunner.Result given = CliRunner.run("import", folder.toString(), "--unit", "给定单位", "--data", other,
                "--json");
        assertEquals(0, given.code(), given.err());
        assertEquals("给定单位", CliRunner.run("show", id, "--data", other, "--json").json().get("unit").asText());
    }

    @Test
    void withoutOptionsTheUnitAndYearComeFromTheText() {
        Path file = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt").get(0);
        CliRunner.Result r = CliRunner.run("import", file.toString(), "--data", data(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = CliRunner.run("show", r.jsonLines().get(0).get("id").asText(), "--data", data(), "--json")
                .json();
        assertEquals("云溪镇", report.get("unit").asText());
        assertEquals(2022, report.get("year").asInt());
        assertNotNull(report.get("author"));
        assertTrue(report.get("author").isNull(), report.get("author").toString());
    }

    @Test
    void aMissingPathFailsThatFileWithExitCodeOne() {
        Path good = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt").get(0);
        CliRunner.Result r = CliRunner.run("import", tmp.resolve("no-such-file.docx").toString(), good.toString(),
                "--data", data(), "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        List<JsonNode> lines = r.jsonLines();
        assertEquals(2, lines.size(), r.out());
        assertEquals("failed", lines.get(0).get("status").asText());
        assertTrue(CliRunner.hasHan(lines.get(0).get("error").asText()));
        assertEquals("imported", lines.get(1).get("status").asText());
    }
}
