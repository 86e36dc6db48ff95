package cn.reportarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Hostile arguments on the command line: metadata and queries that are too long, malformed, hold
 * control characters or try injection; a 200 MB file; file names with escape sequences. Each ends
 * with one Chinese sentence and the right exit code, or is stored as the text it is.
 */
@Tag("integration")
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class HostileArgumentsTest {
    private static final String INJECTION = "' OR '1'='1'; DROP TABLE reports; --";

    @TempDir
    static Path tmp;
    private static String data;
    private static Path report;

    @BeforeAll
    static void archiveWithOneReport() {
        data = tmp.resolve("data").toString();
        report = CliRunner.copySamples(tmp.resolve("in"), "yunxi-dw-2022.txt").get(0);
        assertEquals(0, CliRunner.run("import", report.toString(), "--data", data).code());
    }

    private static void assertSentence(CliRunner.Result r, int code, String what) {
        assertEquals(code, r.code(), what + " → " + r.err());
        assertFalse(r.errLines().isEmpty(), what);
        assertTrue(CliRunner.hasHan(r.errLines().get(0)), what + " → " + r.err());
        assertFalse(CliRunner.looksLikeStackTrace(r.err()), what + " → " + r.err());
    }

    private static int count() {
        return CliRunner.run("list", "--json", "--data", data).json().size();
    }

    @Test
    void metadataThatCannotBeRightIsRefusedBeforeAnythingIsRead() {
        Path other = CliRunner.copySamples(tmp.resolve("meta"), "qingshan-scjg-2023.txt").get(0);
        int before = count();
        List<List<String>> refused = List.of(
                List.of("--unit", "单".repeat(5000)),
                List.of("--author", "名".repeat(200)),
                List.of("--unit", "临江县\u001b[2J财政局"),
                List.of("--author", "周立新\nX"),
                List.of("--year", "99999"));
        for (List<String> option : refused) {
            CliRunner.Result r = CliRunner.run("import", other.toString(), option.get(0), option.get(1), "--data", data);
            assertSentence(r, 2, option.get(0));
        }
        assertEquals(before, count());
    }

    @Test
    void injectionInMetadataIsStoredAsText() {
        Path other = CliRunner.copySamples(tmp.resolve("inj"), "linjiang-sjj-2022.txt").get(0);
        CliRunner.Result r = CliRunner.run("import", other.toString(), "--unit", INJECTION, "--author", "<b>x</b>",
                "--json", "--data", data);
        assertEquals(0, r.code(), r.err());
        String id = r.jsonLines().get(0).get("id").asText();
        JsonNode shown = CliRunner.run("show", id, "--json", "--data", data).json();
        assertEquals(INJECTION, shown.get("unit").asText());
        assertEquals("<b>x</b>", shown.get("author").asText());
        JsonNode listed = CliRunner.run("list", "--unit", INJECTION, "--json", "--data", data).json();
        assertEquals(1, listed.size());
    }

    @Test
    void hostileQueriesEndWithASentenceOrAnAnswer() {
        List<String> queries = List.of("(".repeat(3000) + "学习" + ")".repeat(3000), "(".repeat(3000),
                "学习 OR ".repeat(1500) + "学习", "学".repeat(20_000), INJECTION, "<script>alert(1)</script>",
                "学习\u0000\u001b[2J", "year:" + "9".repeat(40), "unit:" + INJECTION, "\"".repeat(1001), "OR OR");
        for (String q : queries) {
            CliRunner.Result r = CliRunner.run("search", q, "--json", "--data", data);
            String what = "search " + q.substring(0, Math.min(q.length(), 30));
            assertTrue(r.code() == 0 || r.code() == 2, what + " → " + r.code() + " " + r.err());
            if (r.code() == 0) {
                assertTrue(r.json().has("total"), what);
            } else {
                assertSentence(r, 2, what);
            }
        }
        for (String id : List.of(INJECTION, "../../etc/passwd", "x".repeat(5000))) {
            assertSentence(CliRunner.run("show", id, "--data", data), 1, "show " + id.substring(0, Math.min(id.length(), 20)));
        }
    }

    @Test
    void aFileOfTwoHundredMegabytesIsRefusedWithoutBeingRead() throws Exception {
        int reports = count();
        Path huge = tmp.resolve("huge").resolve("对照检查材料.pdf");
        Files.createDirectories(huge.getParent());
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(200L * 1024 * 1024); // sparse: no disk, no time
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        CliRunner.Result r = CliRunner.run("import", huge.getParent().toString(), "--json", "--data", data);
        long after = rt.totalMemory() - rt.freeMemory();
        assertEquals(1, r.code(), r.err());
        JsonNode line = r.jsonLines().get(0);
        assertEquals("failed", line.get("status").asText());
        assertTrue(line.get("error").asText().contains("超过上限"), line.toString());
        assertTrue(after - before < 150L * 1024 * 1024, "the file was read into memory");
        assertEquals(reports, count());
    }

    @Test
    void aFileNameWithEscapeSequencesIsNotPrintedRaw() throws Exception {
        int reports = count();
        Path dir = Files.createDirectories(tmp.resolve("names"));
        Path named = Files.writeString(dir.resolve("坏\u001b[2J名\u0007.docx"), "不是 Word 文件");
        CliRunner.Result r = CliRunner.run("import", named.toString(), "--data", data);
        assertSentence(r, 1, "escape name");
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());
        assertEquals(reports, count());
    }
}
